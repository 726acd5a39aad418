# Every import job of the pool, newest first.
data "cognito_user_import_jobs" "migration" {
  user_pool_id = "eu-west-1_Qx7Zk2Lm9"

  # A read that takes longer fails; the default is 5 minutes.
  timeouts {
    read = "2m"
  }
}

# The jobs carry no secret, so they can be output and passed to modules.
output "failed_imports" {
  value = [
    for job in data.cognito_user_import_jobs.migration.jobs : job.job_name
    if job.status == "Failed"
  ]
}

# The ten newest customer batches that have ended since November. The
# filters compose: a job is kept only when it passes all of them.
data "cognito_user_import_jobs" "ended_customer_batches" {
  user_pool_id  = "eu-west-1_Qx7Zk2Lm9"
  statuses      = ["Succeeded", "Failed", "Stopped"]
  name_regex    = "^customers-batch-[0-9]+$"
  created_after = "2025-11-01T00:00:00Z"
  max_results   = 10
}

output "ended_customer_batch_ids" {
  value = data.cognito_user_import_jobs.ended_customer_batches.job_ids
}

# Only the newest job: max_results = 1 reads a single page. The
# postcondition stops the run unless that job succeeded, a gate for a
# rollout that needs the users in place.
data "cognito_user_import_jobs" "newest" {
  user_pool_id = "eu-west-1_Qx7Zk2Lm9"
  max_results  = 1

  lifecycle {
    postcondition {
      condition     = try(self.jobs[0].status, "") == "Succeeded"
      error_message = "The newest user import job of the pool has not succeeded."
    }
  }
}
