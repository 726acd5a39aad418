data "cognito_user_import_jobs" "migration" {
  user_pool_id = "eu-west-1_Qx7Zk2Lm9"
}

# The jobs carry no secret, so they can be output and passed to modules.
output "failed_imports" {
  value = [
    for job in data.cognito_user_import_jobs.migration.jobs : job.job_name
    if job.status == "Failed"
  ]
}
