# The columns that an import file for the pool must have, in order.
data "cognito_user_pool_csv_header" "migration" {
  user_pool_id = "eu-west-1_Qx7Zk2Lm9"
}

# The first line of every import file into the pool, for the step that
# writes the files.
output "csv_header_line" {
  value = data.cognito_user_pool_csv_header.migration.csv_header_line
}

# The columns that the export of the old user store fills, and those of
# them that the pool has no attribute for.
locals {
  exported_columns = ["cognito:username", "email", "email_verified", "custom:department"]
  missing_columns  = setsubtract(local.exported_columns, data.cognito_user_pool_csv_header.migration.csv_header)
}

# A check warns without stopping the run: the import would still work, but
# leave the values of the missing columns behind.
check "pool_has_every_exported_column" {
  assert {
    condition     = length(local.missing_columns) == 0
    error_message = "The user pool has no attribute for ${join(", ", sort(local.missing_columns))}."
  }
}
