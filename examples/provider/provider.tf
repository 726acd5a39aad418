# Credentials come from the usual places: environment variables, the shared
# config and credentials files, or an IAM role of the machine.
provider "cognito" {
  region = "eu-west-1"
}

# Or assume a role first, with the same arguments as the AWS provider.
provider "cognito" {
  alias  = "migration"
  region = "eu-west-1"

  assume_role {
    role_arn     = "arn:aws:iam::123456789012:role/CognitoImportReader"
    session_name = "terraform"
  }
}
