package importjobs

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// jobAttributes describes one import job. Every data source that shows a job
// shows it with these attributes, so a job read one way can be compared with
// a job read another.
func jobAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"job_name": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Name given to the job when it was created.",
		},
		"job_id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "Identifier of the job, `import-` followed by letters and digits.",
		},
		"user_pool_id": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "User pool the job imports into.",
		},
		"creation_date": schema.StringAttribute{
			Computed:   true,
			CustomType: timetypes.RFC3339Type{},
			MarkdownDescription: "When the job was created, as an RFC 3339 timestamp in UTC " +
				"with the fractional seconds the service gives.",
		},
		"start_date": schema.StringAttribute{
			Computed:   true,
			CustomType: timetypes.RFC3339Type{},
			MarkdownDescription: "When the job started, as an RFC 3339 timestamp in UTC; " +
				"null for a job that never started, such as an expired one.",
		},
		"completion_date": schema.StringAttribute{
			Computed:   true,
			CustomType: timetypes.RFC3339Type{},
			MarkdownDescription: "When the job ended, as an RFC 3339 timestamp in UTC; " +
				"null while it has not ended.",
		},
		"status": schema.StringAttribute{
			Computed: true,
			MarkdownDescription: "Status of the job: " + statusList() + ". A status the " +
				"service adds later is passed through as it comes.",
		},
		"cloud_watch_logs_role_arn": schema.StringAttribute{
			Computed:            true,
			MarkdownDescription: "ARN of the IAM role that lets the job write to CloudWatch Logs.",
		},
		"imported_users": schema.Int64Attribute{
			Computed:            true,
			MarkdownDescription: "Number of users the job imported.",
		},
		"skipped_users": schema.Int64Attribute{
			Computed:            true,
			MarkdownDescription: "Number of users the job skipped.",
		},
		"failed_users": schema.Int64Attribute{
			Computed:            true,
			MarkdownDescription: "Number of users the job failed to import.",
		},
		"completion_message": schema.StringAttribute{
			Computed: true,
			MarkdownDescription: "Message the service left when the job ended, in its own words " +
				"(for example `The user import job has expired.`); null when it left none.",
		},
	}
}

// jobAttrTypes is the Terraform type of one job, derived from the schema so
// that the two cannot disagree.
//
//nolint:forcetypeassert // A nested object's type is always an object type.
var jobAttrTypes = schema.NestedAttributeObject{Attributes: jobAttributes()}.
	Type().(basetypes.ObjectType).AttrTypes

// jobObjectType is the element type of the jobs list.
var jobObjectType = basetypes.ObjectType{AttrTypes: jobAttrTypes}

// flattenJob maps one job of the service into its Terraform value. The
// presigned URL is left out: it is a credential, kept apart on request.
func flattenJob(job types.UserImportJobType) (basetypes.ObjectValue, diag.Diagnostics) {
	return basetypes.NewObjectValue(jobAttrTypes, map[string]attr.Value{
		"job_name":                  stringValue(job.JobName),
		"job_id":                    stringValue(job.JobId),
		"user_pool_id":              stringValue(job.UserPoolId),
		"creation_date":             timestampValue(job.CreationDate),
		"start_date":                timestampValue(job.StartDate),
		"completion_date":           timestampValue(job.CompletionDate),
		"status":                    statusValue(job.Status),
		"cloud_watch_logs_role_arn": stringValue(job.CloudWatchLogsRoleArn),
		"imported_users":            basetypes.NewInt64Value(job.ImportedUsers),
		"skipped_users":             basetypes.NewInt64Value(job.SkippedUsers),
		"failed_users":              basetypes.NewInt64Value(job.FailedUsers),
		"completion_message":        stringValue(job.CompletionMessage),
	})
}

func stringValue(s *string) basetypes.StringValue {
	return basetypes.NewStringPointerValue(s)
}

// statusValue passes any status through, known or not, so that a status the
// service adds later reaches users instead of an error.
func statusValue(s types.UserImportJobStatusType) basetypes.StringValue {
	if s == "" {
		return basetypes.NewStringNull()
	}

	return basetypes.NewStringValue(string(s))
}

// timestampValue formats t in UTC with as many fractional digits as it
// carries. timetypes.NewRFC3339TimeValue would drop the fraction, and the
// service gives milliseconds.
func timestampValue(t *time.Time) timetypes.RFC3339 {
	if t == nil {
		return timetypes.NewRFC3339Null()
	}

	return timetypes.RFC3339{
		StringValue: basetypes.NewStringValue(t.UTC().Format(time.RFC3339Nano)),
	}
}
