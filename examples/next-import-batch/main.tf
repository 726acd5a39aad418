# The step of a migration pipeline before it imports its next batch of
# users into a pool. It stops the pipeline unless the newest import job of
# the pool has succeeded, warns when that job left users behind, and hands
# the upload step the first line of the batch's CSV file. It needs no other
# provider. Against AWS, leave endpoint unset; the tests point it at a
# local endpoint.
#
# A pipeline runs it, then imports the batch:
#
#   terraform apply -auto-approve
#   printf '%s\n' "$(terraform output -raw csv_header_line)" > batch.csv
#   cat users.csv >> batch.csv
#   aws cognito-idp create-user-import-job ...   # gives JobId and PreSignedUrl
#   curl -T batch.csv -H "x-amz-server-side-encryption: aws:kms" "$PRE_SIGNED_URL"
#   aws cognito-idp start-user-import-job --user-pool-id ... --job-id "$JOB_ID"

terraform {
  # Check blocks came with Terraform 1.5.
  required_version = ">= 1.5.0"

  required_providers {
    cognito = {
      source = "cognito-tf/cognito"
    }
  }
}

variable "region" {
  description = "AWS region of the user pool."
  type        = string
  default     = "eu-west-1"
}

variable "user_pool_id" {
  description = "ID of the user pool the batches are imported into."
  type        = string
  default     = "eu-west-1_Qx7Zk2Lm9"
}

variable "endpoint" {
  description = "URL of a local Cognito endpoint; null to use AWS itself."
  type        = string
  default     = null
}

provider "cognito" {
  region   = var.region
  endpoint = var.endpoint
}

# The newest job of the pool: max_results = 1 reads a single page.
data "cognito_user_import_jobs" "newest" {
  user_pool_id = var.user_pool_id
  max_results  = 1
}

# The columns of an import file for the pool, in the service's order.
data "cognito_user_pool_csv_header" "pool" {
  user_pool_id = var.user_pool_id
}

locals {
  # Null for a pool without jobs, whose first batch has nothing to wait for.
  newest_job = one(data.cognito_user_import_jobs.newest.jobs)
}

# The gate: the upload step gets its header only when the previous batch
# has succeeded. A job still running, failed, stopped or expired, or created
# for a batch whose file never came, stops the run with an error.
output "csv_header_line" {
  description = "First line of the next batch's CSV file."
  value       = data.cognito_user_pool_csv_header.pool.csv_header_line

  precondition {
    condition = alltrue([
      for job in data.cognito_user_import_jobs.newest.jobs : job.status == "Succeeded"
    ])
    # Terraform works out the message even when the condition holds, so it
    # must not fail for a pool without jobs.
    error_message = local.newest_job == null ? "" : "The newest import job of the pool, ${local.newest_job.job_name} (${local.newest_job.job_id}), is ${local.newest_job.status}: import the next batch once it has succeeded."
  }
}

# A warning, not a gate: a job can succeed and still leave users behind,
# which someone should look at while the migration goes on.
check "newest_import_left_no_user_behind" {
  assert {
    condition = alltrue([
      for job in data.cognito_user_import_jobs.newest.jobs : job.failed_users + job.skipped_users == 0
    ])
    error_message = local.newest_job == null ? "" : "The newest import job of the pool, ${local.newest_job.job_name}, left users behind: ${local.newest_job.failed_users} failed to import and ${local.newest_job.skipped_users} were skipped."
  }
}

output "newest_job" {
  description = "The newest import job of the pool, or null when it has none."
  value = local.newest_job == null ? null : {
    job_id         = local.newest_job.job_id
    job_name       = local.newest_job.job_name
    status         = local.newest_job.status
    imported_users = local.newest_job.imported_users
    failed_users   = local.newest_job.failed_users
  }
}
