package importjobs

import (
	"context"
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// operationDescribeUserImportJob names the API operation in errors and logs.
const operationDescribeUserImportJob = "DescribeUserImportJob"

// errNoJobInAnswer reports an answer of DescribeUserImportJob that carries
// no job, which the API's model allows but the service never sends.
var errNoJobInAnswer = errors.New("the service answered without a job")

var (
	_ datasource.DataSource              = (*userImportJobDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*userImportJobDataSource)(nil)
)

// NewUserImportJobDataSource returns the cognito_user_import_job data
// source.
func NewUserImportJobDataSource() datasource.DataSource {
	return &userImportJobDataSource{}
}

type userImportJobDataSource struct {
	conn *Conn
}

func (d *userImportJobDataSource) Metadata(_ context.Context, req datasource.MetadataRequest,
	resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_import_job"
}

// Schema gives the job the attributes of an element of jobs in
// cognito_user_import_jobs, so that a job read by id compares equal to the
// same job listed; only user_pool_id and job_id become arguments.
func (d *userImportJobDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse) {
	attributes := jobAttributes()
	attributes["user_pool_id"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "ID of the user pool the job imports into, such as `eu-west-1_Qx7Zk2Lm9`.",
		Validators:          []validator.String{validUserPoolID()},
	}
	attributes["job_id"] = schema.StringAttribute{
		Required: true,
		MarkdownDescription: "ID of the import job to read, as the service gives it: `import-` " +
			"followed by letters, digits and hyphens, such as `import-qQ0DCt2fRh`.",
		Validators: []validator.String{validJobID()},
	}
	attributes["include_pre_signed_url"] = schema.BoolAttribute{
		Optional: true,
		MarkdownDescription: "Whether to fill `pre_signed_url`. Defaults to `false`. The URL " +
			"is a credential and is written to the state file when included.",
	}
	attributes["pre_signed_url"] = schema.StringAttribute{
		Computed:  true,
		Sensitive: true,
		MarkdownDescription: "Presigned upload URL of the job: where to PUT the CSV file of " +
			"users to import. Filled only when `include_pre_signed_url` is `true`, null " +
			"otherwise. It carries temporary credentials and is valid for about 15 minutes.",
	}

	resp.Schema = schema.Schema{
		Blocks: map[string]schema.Block{timeoutsBlockName: readTimeoutBlock()},
		MarkdownDescription: "Reads one user import job of an Amazon Cognito user pool by its " +
			"ID, with `DescribeUserImportJob`: the same attributes as an element of `jobs` in " +
			"`cognito_user_import_jobs`, and on request the job's presigned upload URL.",
		Attributes: attributes,
	}
}

func (d *userImportJobDataSource) Configure(_ context.Context, req datasource.ConfigureRequest,
	resp *datasource.ConfigureResponse) {
	conn, diags := providerConn(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.conn = conn
}

func (d *userImportJobDataSource) Read(ctx context.Context, req datasource.ReadRequest,
	resp *datasource.ReadResponse) {
	var userPoolID, jobID fwtypes.String
	var include fwtypes.Bool
	var readTimeout timeouts.Value
	config := req.Config
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root("user_pool_id"), &userPoolID)...)
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root("job_id"), &jobID)...)
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root("include_pre_signed_url"), &include)...)
	resp.Diagnostics.Append(config.GetAttribute(ctx, path.Root(timeoutsBlockName), &readTimeout)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if d.conn == nil {
		resp.Diagnostics.AddError("reading Cognito user import job", providerNotConfigured)
		return
	}

	readCtx, cancel, timeout, diags := withReadTimeout(ctx, readTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer cancel()

	ctx = tflog.SetField(ctx, "user_pool_id", userPoolID.ValueString())
	ctx = tflog.SetField(ctx, "job_id", jobID.ValueString())
	readCtx = tflog.SetField(tflog.SetField(readCtx, "user_pool_id", userPoolID.ValueString()),
		"job_id", jobID.ValueString())
	tflog.Trace(ctx, "reading user import job", map[string]any{"read_timeout": timeout.String()})

	job, err := findUserImportJob(readCtx, d.conn.Client, d.conn.pace(userPoolID.ValueString()),
		userPoolID.ValueString(), jobID.ValueString())
	if err != nil {
		err = explainStop(readCtx, timeout, err)
		resp.Diagnostics.AddError(jobErrorSummary(userPoolID.ValueString(), jobID.ValueString()),
			callErrorDetail(operationDescribeUserImportJob, err,
				jobNotFoundHint(userPoolID.ValueString(), jobID.ValueString(), d.conn.Region)))
		tflog.Trace(ctx, "failed to read user import job")
		return
	}

	obj, objDiags := flattenJob(*job)
	resp.Diagnostics.Append(objDiags...)
	if resp.Diagnostics.HasError() {
		return
	}

	// The state starts as the configuration, so user_pool_id and job_id
	// keep the values the user gave; every other attribute of the job is
	// set from the one mapping that the list uses too.
	for name, value := range obj.Attributes() {
		if name == "user_pool_id" || name == "job_id" {
			continue
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(name), value)...)
	}
	// NOTE: the service does not document whether it signs the URL afresh
	// for each read, so the docs count its 15 minutes from the job's
	// creation; a read cannot tell how long the URL has left.
	url := fwtypes.StringNull()
	if include.ValueBool() {
		url = fwtypes.StringPointerValue(job.PreSignedUrl)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("pre_signed_url"), url)...)

	tflog.Trace(ctx, "read user import job", map[string]any{"status": string(job.Status)})
}

// findUserImportJob reads one import job of a user pool, at the pool's pace
// once the service has throttled it; a nil pace sends the request at once.
func findUserImportJob(ctx context.Context, api API, pace *poolPace, userPoolID,
	jobID string) (*types.UserImportJobType, error) {
	start := time.Now()
	out, err := api.DescribeUserImportJob(ctx, &cip.DescribeUserImportJobInput{
		UserPoolId: aws.String(userPoolID),
		JobId:      aws.String(jobID),
	}, withAttemptLog, withPace(pace))
	if err != nil {
		return nil, err
	}

	tflog.Debug(ctx, "described a user import job", map[string]any{
		"elapsed_ms": time.Since(start).Milliseconds(),
	})

	if out.UserImportJob == nil {
		return nil, errNoJobInAnswer
	}

	return out.UserImportJob, nil
}
