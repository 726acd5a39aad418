# One import job, read by its ID: here the job that a migration pipeline
# created for its next batch with `aws cognito-idp create-user-import-job`,
# with the URL to upload the batch's CSV file to.
data "cognito_user_import_job" "next_batch" {
  user_pool_id           = "eu-west-1_Qx7Zk2Lm9"
  job_id                 = "import-Lp0Ks9Jd3F"
  include_pre_signed_url = true

  # Only a job that has not started takes a file; the postcondition stops
  # the run before anything is uploaded to one that has.
  lifecycle {
    postcondition {
      condition     = self.status == "Created"
      error_message = "Import job ${self.job_id} is ${self.status}, so it takes no file any more."
    }
  }
}

# The URL is a credential: an output that holds it must be sensitive.
# `terraform output -raw upload_url` hands it to the upload step.
output "upload_url" {
  value     = data.cognito_user_import_job.next_batch.pre_signed_url
  sensitive = true
}

# Every other attribute is free to output, as for an element of jobs in
# cognito_user_import_jobs.
output "next_batch" {
  value = {
    name          = data.cognito_user_import_job.next_batch.job_name
    status        = data.cognito_user_import_job.next_batch.status
    creation_date = data.cognito_user_import_job.next_batch.creation_date
  }
}
