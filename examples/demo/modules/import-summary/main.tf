# Summarises the import jobs of a user pool, as listed by the
# cognito_user_import_jobs data source, for dashboards and rollout gates.

variable "jobs" {
  description = "The jobs attribute of a cognito_user_import_jobs data source, newest job first."
  type = list(object({
    job_id         = string
    job_name       = string
    status         = string
    creation_date  = string
    imported_users = number
    skipped_users  = number
    failed_users   = number
  }))
}

locals {
  statuses = distinct([for job in var.jobs : job.status])
  newest   = length(var.jobs) > 0 ? var.jobs[0] : null
}

output "job_count" {
  description = "Number of import jobs in the pool."
  value       = length(var.jobs)
}

output "counts_by_status" {
  description = "Number of jobs in each status that occurs."
  value       = { for status in local.statuses : status => length([for job in var.jobs : job if job.status == status]) }
}

output "newest_job" {
  description = "The most recently created job, or null when the pool has none."
  value = local.newest == null ? null : {
    job_id        = local.newest.job_id
    job_name      = local.newest.job_name
    status        = local.newest.status
    creation_date = local.newest.creation_date
  }
}

output "newest_job_succeeded" {
  description = "Whether the most recent job finished successfully: a gate for a rollout."
  value       = try(local.newest.status == "Succeeded", false)
}

output "users_imported" {
  description = "Users imported by all jobs together."
  value       = sum(concat([0], [for job in var.jobs : job.imported_users]))
}

output "users_failed" {
  description = "Users that failed to import, over all jobs."
  value       = sum(concat([0], [for job in var.jobs : job.failed_users]))
}

output "jobs_with_failed_users" {
  description = "Names of the jobs that failed to import at least one user, newest first."
  value       = [for job in var.jobs : job.job_name if job.failed_users > 0]
}
