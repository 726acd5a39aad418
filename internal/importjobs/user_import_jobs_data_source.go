package importjobs

import (
	"context"
	"fmt"
	"regexp"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

var (
	_ datasource.DataSource              = (*userImportJobsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*userImportJobsDataSource)(nil)
)

// NewUserImportJobsDataSource returns the cognito_user_import_jobs data
// source.
func NewUserImportJobsDataSource() datasource.DataSource {
	return &userImportJobsDataSource{}
}

type userImportJobsDataSource struct {
	conn *Conn
}

type userImportJobsModel struct {
	UserPoolID           fwtypes.String    `tfsdk:"user_pool_id"`
	Statuses             fwtypes.Set       `tfsdk:"statuses"`
	NameRegex            fwtypes.String    `tfsdk:"name_regex"`
	CreatedAfter         timetypes.RFC3339 `tfsdk:"created_after"`
	MaxResults           fwtypes.Int64     `tfsdk:"max_results"`
	IncludePreSignedURLs fwtypes.Bool      `tfsdk:"include_pre_signed_urls"`
	Jobs                 fwtypes.List      `tfsdk:"jobs"`
	JobIDs               fwtypes.List      `tfsdk:"job_ids"`
	PreSignedURLs        fwtypes.Map       `tfsdk:"pre_signed_urls"`
	Timeouts             timeouts.Value    `tfsdk:"timeouts"`
}

func (d *userImportJobsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest,
	resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_import_jobs"
}

func (d *userImportJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the user import jobs of an Amazon Cognito user pool, " +
			"newest first, following `ListUserImportJobs` from the first page to the last: " +
			"every job, or the jobs that the optional filters keep.",
		Attributes: map[string]schema.Attribute{
			"user_pool_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the user pool whose import jobs to list, such as `eu-west-1_Qx7Zk2Lm9`.",
				Validators:          []validator.String{validUserPoolID()},
			},
			"statuses": schema.SetAttribute{
				Optional:    true,
				ElementType: fwtypes.StringType,
				MarkdownDescription: "Keep only jobs in one of these statuses, each one of " +
					statusList() + ". Unset keeps jobs of every status.",
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.NoNullValues(),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(jobStatuses...)),
				},
			},
			"name_regex": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Keep only jobs whose name matches this RE2 regular " +
					"expression, the syntax of Terraform's `regex()`. It matches anywhere in the " +
					"name unless anchored with `^` and `$`.",
				Validators: []validator.String{validRE2()},
			},
			"created_after": schema.StringAttribute{
				Optional:   true,
				CustomType: timetypes.RFC3339Type{},
				MarkdownDescription: "Keep only jobs created at or after this instant, an RFC 3339 " +
					"timestamp such as `2025-11-01T00:00:00Z` or `2025-11-01T01:00:00+01:00`.",
			},
			"max_results": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Keep at most this many jobs, at least 1: the first ones, in " +
					"the service's order, that the other filters keep. The read stops asking " +
					"for pages once it has them. This is not the API's page size, which stays 60.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"include_pre_signed_urls": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether to fill `pre_signed_urls`. Defaults to `false`. " +
					"The URLs are credentials and are written to the state file when included.",
			},
			"jobs": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The import jobs that the filters keep, in the order the " +
					"service lists them (newest first). An empty list when there are none.",
				NestedObject: schema.NestedAttributeObject{Attributes: jobAttributes()},
			},
			"job_ids": schema.ListAttribute{
				Computed:    true,
				ElementType: fwtypes.StringType,
				MarkdownDescription: "The IDs of the jobs in `jobs`, in the same order, for " +
					"`contains()` and, through `toset()`, `for_each`. An empty list when there " +
					"are none.",
			},
			"pre_signed_urls": schema.MapAttribute{
				Computed:    true,
				Sensitive:   true,
				ElementType: fwtypes.StringType,
				MarkdownDescription: "Presigned upload URL of each job, by job ID: where to PUT " +
					"the CSV file of users to import, for the jobs in `jobs` only. Filled only " +
					"when `include_pre_signed_urls` is `true`, null otherwise. Each URL carries " +
					"temporary credentials and expires about 15 minutes after the read.",
			},
		},
		Blocks: map[string]schema.Block{
			timeoutsBlockName: readTimeoutBlock(),
		},
	}
}

func (d *userImportJobsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest,
	resp *datasource.ConfigureResponse) {
	conn, diags := providerConn(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.conn = conn
}

func (d *userImportJobsDataSource) Read(ctx context.Context, req datasource.ReadRequest,
	resp *datasource.ReadResponse) {
	var data userImportJobsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if d.conn == nil {
		resp.Diagnostics.AddError("reading Cognito user import jobs", providerNotConfigured)
		return
	}

	filter, diags := data.filter(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	readCtx, cancel, timeout, diags := withReadTimeout(ctx, data.Timeouts)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer cancel()

	userPoolID := data.UserPoolID.ValueString()
	readCtx = tflog.SetField(readCtx, "user_pool_id", userPoolID)
	tflog.Trace(readCtx, "reading user import jobs", map[string]any{"read_timeout": timeout.String()})

	lister := jobLister{api: d.conn.Client, pace: d.conn.pace(userPoolID)}
	jobs, listed, err := lister.find(readCtx, userPoolID, filter, int(data.MaxResults.ValueInt64()))
	if err != nil {
		err = explainStop(readCtx, timeout, err)
		resp.Diagnostics.AddError(listErrorSummary(userPoolID),
			listErrorDetail(err, userPoolID, d.conn.Region))
		tflog.Trace(readCtx, "failed to read user import jobs", map[string]any{"jobs_listed": listed})
		return
	}

	data.Jobs, diags = flattenJobs(jobs)
	resp.Diagnostics.Append(diags...)
	data.JobIDs, diags = jobIDs(jobs)
	resp.Diagnostics.Append(diags...)
	data.PreSignedURLs, diags = preSignedURLs(jobs, data.IncludePreSignedURLs.ValueBool())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	resp.Diagnostics.Append(setState(ctx, &resp.State, data)...)
	tflog.Trace(readCtx, "read user import jobs", map[string]any{"jobs": len(jobs), "jobs_listed": listed})
}

// filter builds the job filter out of the filter arguments. The arguments
// were validated at plan time, and a read runs only once they are known, so
// an error here is a bug.
func (m userImportJobsModel) filter(ctx context.Context) (jobFilter, diag.Diagnostics) {
	var filter jobFilter
	var diags diag.Diagnostics

	if !m.Statuses.IsNull() {
		var statuses []string
		diags.Append(m.Statuses.ElementsAs(ctx, &statuses, false)...)
		filter = filter.withStatuses(statuses...)
	}

	if !m.NameRegex.IsNull() {
		re, err := regexp.Compile(m.NameRegex.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("name_regex"), "compiling name_regex",
				fmt.Sprintf("The pattern passed validation but does not compile: %s. "+
					"This is a bug in the provider; please report it.", err))
		}
		filter.nameRegex = re
	}

	if !m.CreatedAfter.IsNull() {
		var d diag.Diagnostics
		filter.createdAfter, d = m.CreatedAfter.ValueRFC3339Time()
		diags.Append(d...)
	}

	return filter, diags
}

// flattenJobs maps the jobs into the jobs list, keeping their order. No jobs
// give an empty list, never null, so that length() works on the result.
func flattenJobs(jobs []types.UserImportJobType) (fwtypes.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	elems := make([]attr.Value, 0, len(jobs))
	for _, job := range jobs {
		obj, d := flattenJob(job)
		diags.Append(d...)
		elems = append(elems, obj)
	}
	if diags.HasError() {
		return fwtypes.ListNull(jobObjectType), diags
	}

	return fwtypes.ListValue(jobObjectType, elems)
}

// jobIDs lists the ids of the jobs in their order; no jobs give an empty
// list, never null, so that contains() works on the result.
func jobIDs(jobs []types.UserImportJobType) (fwtypes.List, diag.Diagnostics) {
	ids := make([]attr.Value, 0, len(jobs))
	for _, job := range jobs {
		ids = append(ids, fwtypes.StringValue(aws.ToString(job.JobId)))
	}

	return fwtypes.ListValue(fwtypes.StringType, ids)
}

// preSignedURLs maps job ids to upload URLs when the user asked for them,
// and is null otherwise, so that no credential reaches the state unasked.
func preSignedURLs(jobs []types.UserImportJobType, include bool) (fwtypes.Map, diag.Diagnostics) {
	if !include {
		return fwtypes.MapNull(fwtypes.StringType), nil
	}

	urls := make(map[string]attr.Value, len(jobs))
	for _, job := range jobs {
		if job.PreSignedUrl == nil {
			continue
		}
		urls[aws.ToString(job.JobId)] = fwtypes.StringValue(aws.ToString(job.PreSignedUrl))
	}

	return fwtypes.MapValue(fwtypes.StringType, urls)
}
