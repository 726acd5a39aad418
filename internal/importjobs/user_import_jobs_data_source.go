package importjobs

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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
	UserPoolID           fwtypes.String `tfsdk:"user_pool_id"`
	IncludePreSignedURLs fwtypes.Bool   `tfsdk:"include_pre_signed_urls"`
	Jobs                 fwtypes.List   `tfsdk:"jobs"`
	PreSignedURLs        fwtypes.Map    `tfsdk:"pre_signed_urls"`
}

func (d *userImportJobsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest,
	resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_import_jobs"
}

func (d *userImportJobsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every user import job of an Amazon Cognito user pool, " +
			"newest first, following `ListUserImportJobs` from the first page to the last.",
		Attributes: map[string]schema.Attribute{
			"user_pool_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the user pool whose import jobs to list, such as `eu-west-1_Qx7Zk2Lm9`.",
				Validators:          []validator.String{userPoolIDValidator{}},
			},
			"include_pre_signed_urls": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether to fill `pre_signed_urls`. Defaults to `false`. " +
					"The URLs are credentials and are written to the state file when included.",
			},
			"jobs": schema.ListNestedAttribute{
				Computed: true,
				MarkdownDescription: "The import jobs, in the order the service lists them " +
					"(newest first). An empty list when the pool has none.",
				NestedObject: schema.NestedAttributeObject{Attributes: jobAttributes()},
			},
			"pre_signed_urls": schema.MapAttribute{
				Computed:    true,
				Sensitive:   true,
				ElementType: fwtypes.StringType,
				MarkdownDescription: "Presigned upload URL of each job, by job ID: where to PUT " +
					"the CSV file of users to import. Filled only when `include_pre_signed_urls` " +
					"is `true`, null otherwise. Each URL carries temporary credentials and " +
					"expires about 15 minutes after the read.",
			},
		},
	}
}

func (d *userImportJobsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest,
	resp *datasource.ConfigureResponse) {
	if req.ProviderData == nil {
		return
	}

	conn, ok := req.ProviderData.(*Conn)
	if !ok {
		resp.Diagnostics.AddError("configuring data source",
			fmt.Sprintf("Expected *importjobs.Conn as provider data, got %T. "+
				"This is a bug in the provider; please report it.", req.ProviderData))
		return
	}

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
		resp.Diagnostics.AddError("reading Cognito user import jobs",
			"The provider was not configured before the data source was read. "+
				"This is a bug in the provider; please report it.")
		return
	}

	userPoolID := data.UserPoolID.ValueString()
	ctx = tflog.SetField(ctx, "user_pool_id", userPoolID)
	tflog.Trace(ctx, "reading user import jobs")

	var jobs []types.UserImportJobType
	lister := jobLister{api: d.conn.Client}
	err := lister.each(ctx, userPoolID, func(job types.UserImportJobType) bool {
		jobs = append(jobs, job)
		return true
	})
	if err != nil {
		resp.Diagnostics.AddError(listErrorSummary(userPoolID),
			listErrorDetail(err, userPoolID, d.conn.Region))
		return
	}

	var diags diag.Diagnostics
	data.Jobs, diags = flattenJobs(jobs)
	resp.Diagnostics.Append(diags...)
	data.PreSignedURLs, diags = preSignedURLs(jobs, data.IncludePreSignedURLs.ValueBool())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
	tflog.Trace(ctx, "read user import jobs", map[string]any{"jobs": len(jobs)})
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
