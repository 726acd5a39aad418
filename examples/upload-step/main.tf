terraform {
  required_providers {
    cognito = {
      source = "cognito-tf/cognito"
    }
  }
}

# The newest job still waiting for its file, with its upload URL.
data "cognito_user_import_jobs" "waiting" {
  user_pool_id            = "eu-west-1_Qx7Zk2Lm9"
  statuses                = ["Created"]
  max_results             = 1
  include_pre_signed_urls = true
}

locals {
  # Null when no job waits: max_results keeps one at the most.
  job_id = one(data.cognito_user_import_jobs.waiting.job_ids)
}

# Uploads users.csv to that job. The URL is sensitive, so Terraform hides
# it in the plan and in the provisioner's output; it reaches curl through
# the environment, so that the command Terraform shows does not hold it.
resource "terraform_data" "upload" {
  triggers_replace = [local.job_id]

  lifecycle {
    precondition {
      condition     = local.job_id != null
      error_message = "No import job of user pool ${data.cognito_user_import_jobs.waiting.user_pool_id} waits for its file (status Created): create one with CreateUserImportJob first."
    }
  }

  provisioner "local-exec" {
    command = "curl --fail --silent --show-error --upload-file users.csv --header 'x-amz-server-side-encryption: aws:kms' \"$UPLOAD_URL\""
    environment = {
      UPLOAD_URL = data.cognito_user_import_jobs.waiting.pre_signed_urls[local.job_id]
    }
  }
}
