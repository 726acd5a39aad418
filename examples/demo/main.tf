# The demo: list the import jobs of a user pool and hand them to a module
# that summarises them. Against AWS, leave endpoint unset and give
# credentials the usual way; `make demo` points it at a local endpoint.

terraform {
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
  description = "ID of the user pool whose import jobs to summarise."
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

data "cognito_user_import_jobs" "migration" {
  user_pool_id = var.user_pool_id
}

module "import_summary" {
  source = "./modules/import-summary"

  jobs = data.cognito_user_import_jobs.migration.jobs
}

output "job_count" {
  value = module.import_summary.job_count
}

output "counts_by_status" {
  value = module.import_summary.counts_by_status
}

output "newest_job" {
  value = module.import_summary.newest_job
}

output "newest_job_succeeded" {
  value = module.import_summary.newest_job_succeeded
}

output "users_imported" {
  value = module.import_summary.users_imported
}

output "users_failed" {
  value = module.import_summary.users_failed
}

output "jobs_with_failed_users" {
  value = module.import_summary.jobs_with_failed_users
}
