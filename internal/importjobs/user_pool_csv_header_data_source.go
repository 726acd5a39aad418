package importjobs

import (
	"context"
	"encoding/csv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// operationGetCSVHeader names the API operation in errors and logs.
const operationGetCSVHeader = "GetCSVHeader"

var (
	_ datasource.DataSource              = (*userPoolCSVHeaderDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*userPoolCSVHeaderDataSource)(nil)
)

// NewUserPoolCSVHeaderDataSource returns the cognito_user_pool_csv_header
// data source.
func NewUserPoolCSVHeaderDataSource() datasource.DataSource {
	return &userPoolCSVHeaderDataSource{}
}

type userPoolCSVHeaderDataSource struct {
	conn *Conn
}

type userPoolCSVHeaderModel struct {
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
	UserPoolID    fwtypes.String `tfsdk:"user_pool_id"`
	CSVHeader     fwtypes.List   `tfsdk:"csv_header"`
	CSVHeaderLine fwtypes.String `tfsdk:"csv_header_line"`
}

func (d *userPoolCSVHeaderDataSource) Metadata(_ context.Context, req datasource.MetadataRequest,
	resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user_pool_csv_header"
}

func (d *userPoolCSVHeaderDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Blocks: map[string]schema.Block{timeoutsBlockName: readTimeoutBlock()},
		MarkdownDescription: "Reads the columns that a CSV file of users must have to be " +
			"imported into an Amazon Cognito user pool, with `GetCSVHeader`: the pool's " +
			"standard and custom attributes and `cognito:username`, in the service's order.",
		Attributes: map[string]schema.Attribute{
			"user_pool_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the user pool, such as `eu-west-1_Qx7Zk2Lm9`.",
				Validators:          []validator.String{validUserPoolID()},
			},
			"csv_header": schema.ListAttribute{
				Computed:    true,
				ElementType: fwtypes.StringType,
				MarkdownDescription: "The column names of an import file for the pool, in the " +
					"order the service gives them, such as `name`, `given_name`, … " +
					"`cognito:mfa_enabled`, `cognito:username`.",
			},
			"csv_header_line": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "The column names joined with commas, without a line " +
					"ending: the first line of an import file, ready to write. A name that " +
					"CSV cannot carry bare, such as one holding a comma or a quote, is quoted " +
					"as CSV requires.",
			},
		},
	}
}

func (d *userPoolCSVHeaderDataSource) Configure(_ context.Context, req datasource.ConfigureRequest,
	resp *datasource.ConfigureResponse) {
	conn, diags := providerConn(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.conn = conn
}

func (d *userPoolCSVHeaderDataSource) Read(ctx context.Context, req datasource.ReadRequest,
	resp *datasource.ReadResponse) {
	var data userPoolCSVHeaderModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if d.conn == nil {
		resp.Diagnostics.AddError("reading Cognito user pool CSV header", providerNotConfigured)
		return
	}

	readCtx, cancel, timeout, diags := withReadTimeout(ctx, data.Timeouts)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer cancel()

	userPoolID := data.UserPoolID.ValueString()
	ctx = tflog.SetField(ctx, "user_pool_id", userPoolID)
	readCtx = tflog.SetField(readCtx, "user_pool_id", userPoolID)
	tflog.Trace(ctx, "reading user pool CSV header", map[string]any{"read_timeout": timeout.String()})

	header, err := findCSVHeader(readCtx, d.conn.Client, d.conn.pace(userPoolID), userPoolID)
	if err != nil {
		err = explainStop(readCtx, timeout, err)
		resp.Diagnostics.AddError(csvHeaderErrorSummary(userPoolID),
			callErrorDetail(operationGetCSVHeader, err, notFoundHint(userPoolID, d.conn.Region)))
		tflog.Trace(ctx, "failed to read user pool CSV header")
		return
	}

	data.CSVHeader, diags = fwtypes.ListValueFrom(ctx, fwtypes.StringType, header)
	resp.Diagnostics.Append(diags...)
	data.CSVHeaderLine = fwtypes.StringValue(csvLine(header))
	if resp.Diagnostics.HasError() {
		return
	}

	resp.Diagnostics.Append(resp.State.Set(ctx, &data)...)
	tflog.Trace(ctx, "read user pool CSV header", map[string]any{"columns": len(header)})
}

// findCSVHeader reads the column names of an import file for a user pool,
// in the service's order, at the pool's pace once the service has throttled
// it. No columns give an empty slice, never nil, so that csv_header is an
// empty list rather than null.
func findCSVHeader(ctx context.Context, api API, pace *poolPace, userPoolID string) ([]string, error) {
	start := time.Now()
	out, err := api.GetCSVHeader(ctx, &cip.GetCSVHeaderInput{
		UserPoolId: aws.String(userPoolID),
	}, withAttemptLog, withPace(pace))
	if err != nil {
		return nil, err
	}

	tflog.Debug(ctx, "read a user pool CSV header", map[string]any{
		"columns":    len(out.CSVHeader),
		"elapsed_ms": time.Since(start).Milliseconds(),
	})

	return append([]string{}, out.CSVHeader...), nil
}

// csvLine writes names as one CSV record without its line ending. The
// service's names are plain, so this is usually the names joined with
// commas; encoding/csv quotes the rare name that would break the record.
func csvLine(names []string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	// Writing to a strings.Builder cannot fail, and Write fails only on a
	// bad delimiter, which the default is not.
	_ = w.Write(names)
	w.Flush()

	return strings.TrimSuffix(b.String(), "\n")
}
