// Package provider is the Cognito provider itself: its configuration schema,
// how that configuration becomes one shared Cognito client, and the list of
// data sources it serves.
package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/cognito-tf/terraform-provider-cognito/internal/awsconfig"
	"github.com/cognito-tf/terraform-provider-cognito/internal/importjobs"
)

var _ provider.Provider = (*cognitoProvider)(nil)

// New returns a function that makes the provider, stamped with version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &cognitoProvider{version: version}
	}
}

type cognitoProvider struct {
	version string
}

type providerModel struct {
	Region                 types.String     `tfsdk:"region"`
	Profile                types.String     `tfsdk:"profile"`
	SharedConfigFiles      []types.String   `tfsdk:"shared_config_files"`
	SharedCredentialsFiles []types.String   `tfsdk:"shared_credentials_files"`
	AccessKey              types.String     `tfsdk:"access_key"`
	SecretKey              types.String     `tfsdk:"secret_key"`
	Token                  types.String     `tfsdk:"token"`
	Endpoint               types.String     `tfsdk:"endpoint"`
	MaxRetries             types.Int64      `tfsdk:"max_retries"`
	RetryMode              types.String     `tfsdk:"retry_mode"`
	AssumeRole             *assumeRoleModel `tfsdk:"assume_role"`
}

type assumeRoleModel struct {
	RoleARN     types.String         `tfsdk:"role_arn"`
	SessionName types.String         `tfsdk:"session_name"`
	ExternalID  types.String         `tfsdk:"external_id"`
	Duration    timetypes.GoDuration `tfsdk:"duration"`
}

func (p *cognitoProvider) Metadata(_ context.Context, _ provider.MetadataRequest,
	resp *provider.MetadataResponse) {
	resp.TypeName = "cognito"
	resp.Version = p.version
}

func (p *cognitoProvider) Schema(_ context.Context, _ provider.SchemaRequest,
	resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads Amazon Cognito user import jobs. Every argument is optional " +
			"and has the meaning it has in the AWS provider; the standard AWS environment " +
			"variables and shared files apply where an argument is not set.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "AWS region of the user pools, such as `eu-west-1`. " +
					"Defaults to `AWS_REGION`, then the region of the shared config profile. " +
					"A user pool is found only in the region its ID starts with.",
			},
			"profile": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Named profile of the shared config and credentials files. Defaults to `AWS_PROFILE`.",
			},
			"shared_config_files": schema.ListAttribute{
				Optional:            true,
				ElementType:         types.StringType,
				MarkdownDescription: "Paths of shared config files. Defaults to `AWS_CONFIG_FILE`, then `~/.aws/config`.",
			},
			"shared_credentials_files": schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Paths of shared credentials files. " +
					"Defaults to `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/credentials`.",
			},
			"access_key": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "AWS access key ID. Defaults to `AWS_ACCESS_KEY_ID`, then the shared files.",
				Validators: []validator.String{
					stringvalidator.AlsoRequires(path.MatchRoot("secret_key")),
				},
			},
			"secret_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "AWS secret access key. Defaults to `AWS_SECRET_ACCESS_KEY`, then the shared files.",
				Validators: []validator.String{
					stringvalidator.AlsoRequires(path.MatchRoot("access_key")),
				},
			},
			"token": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "Session token of temporary credentials. Defaults to `AWS_SESSION_TOKEN`.",
				Validators: []validator.String{
					stringvalidator.AlsoRequires(path.MatchRoot("access_key")),
				},
			},
			"endpoint": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "URL of the Cognito user pools API, for a local or private " +
					"endpoint. Defaults to `AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER`, then " +
					"`AWS_ENDPOINT_URL`, then the public endpoint of the region. Plain HTTP is " +
					"used only when the URL says `http://`.",
				Validators: []validator.String{
					stringvalidator.RegexMatches(regexp.MustCompile(`^https?://[^/\s]+`),
						"must be an http:// or https:// URL with a host"),
				},
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How many times a failed request is retried, so "+
					"a request is attempted at most `max_retries + 1` times. Defaults to "+
					"`AWS_MAX_ATTEMPTS - 1`, then %d.", awsconfig.DefaultMaxRetries),
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"retry_mode": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "How the SDK retries: `standard`, or `adaptive`, which also " +
					"slows requests down while the service throttles. Defaults to " +
					"`AWS_RETRY_MODE`, then `standard`.",
				Validators: []validator.String{stringvalidator.OneOf("standard", "adaptive")},
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				MarkdownDescription: "IAM role to assume through STS before calling Cognito, " +
					"with the credentials configured above.",
				Validators: []validator.Object{
					objectvalidator.AlsoRequires(path.MatchRelative().AtName("role_arn")),
				},
				Attributes: map[string]schema.Attribute{
					"role_arn": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "ARN of the role to assume. Required in the block.",
						Validators: []validator.String{
							stringvalidator.RegexMatches(regexp.MustCompile(`^arn:[\w-]+:iam::\d{12}:role/.+`),
								"must be the ARN of an IAM role, as in arn:aws:iam::123456789012:role/Name"),
						},
					},
					"session_name": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Name of the role session, shown in CloudTrail.",
						Validators: []validator.String{
							stringvalidator.LengthBetween(2, 64),
							stringvalidator.RegexMatches(regexp.MustCompile(`^[\w+=,.@-]*$`),
								"may hold only letters, digits and the characters +=,.@_-"),
						},
					},
					"external_id": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "External ID the role's trust policy requires.",
						Validators:          []validator.String{stringvalidator.LengthBetween(2, 1224)},
					},
					"duration": schema.StringAttribute{
						Optional:   true,
						CustomType: timetypes.GoDurationType{},
						MarkdownDescription: "How long the role session lasts, as a Go duration " +
							"between `15m` and `12h`, such as `1h`. Defaults to `15m`.",
						Validators: []validator.String{durationBetween(15*time.Minute, 12*time.Hour)},
					},
				},
			},
		},
	}
}

func (p *cognitoProvider) Configure(ctx context.Context, req provider.ConfigureRequest,
	resp *provider.ConfigureResponse) {
	tflog.Trace(ctx, "configuring the Cognito provider")

	var data providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}

	settings, diags := data.settings()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	settings.UserAgent = []awsconfig.UserAgentProduct{
		{Name: "terraform-provider-cognito", Version: p.version},
		{Name: "Terraform", Version: req.TerraformVersion},
	}

	cfg, err := awsconfig.Load(ctx, settings)
	if err != nil {
		resp.Diagnostics.AddError("configuring the Cognito provider", configureErrorDetail(err))
		return
	}

	conn := &importjobs.Conn{
		Client: awsconfig.NewCognitoClient(cfg, settings.Endpoint),
		Region: cfg.Region,
	}
	resp.DataSourceData = conn
	resp.ResourceData = conn
	tflog.Debug(ctx, "configured the Cognito provider", map[string]any{"region": cfg.Region})
}

func configureErrorDetail(err error) string {
	if errors.Is(err, awsconfig.ErrNoRegion) {
		return "No AWS region is configured. Set region in the provider block, or the " +
			"AWS_REGION environment variable, or region in the shared config profile."
	}

	return err.Error()
}

// settings converts the configuration into awsconfig terms. A value that is
// still unknown, computed from a resource not yet created, cannot configure
// a client, so it is an error on its attribute.
func (m providerModel) settings() (awsconfig.Settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	unknown := func(at path.Path) {
		diags.AddAttributeError(at, "unknown provider argument",
			fmt.Sprintf("The value of %s is not known until apply, and the provider needs "+
				"it to be configured. Set it from a value known at plan time.", at))
	}
	str := func(v types.String, name string) string {
		if v.IsUnknown() {
			unknown(path.Root(name))
		}
		return v.ValueString()
	}
	list := func(vs []types.String, name string) []string {
		var out []string
		for i, v := range vs {
			if v.IsUnknown() {
				unknown(path.Root(name).AtListIndex(i))
			}
			out = append(out, v.ValueString())
		}
		return out
	}
	roleStr := func(v types.String, name string) string {
		if v.IsUnknown() {
			unknown(path.Root("assume_role").AtName(name))
		}
		return v.ValueString()
	}

	s := awsconfig.Settings{
		Region:                 str(m.Region, "region"),
		Profile:                str(m.Profile, "profile"),
		SharedConfigFiles:      list(m.SharedConfigFiles, "shared_config_files"),
		SharedCredentialsFiles: list(m.SharedCredentialsFiles, "shared_credentials_files"),
		AccessKey:              str(m.AccessKey, "access_key"),
		SecretKey:              str(m.SecretKey, "secret_key"),
		Token:                  str(m.Token, "token"),
		Endpoint:               str(m.Endpoint, "endpoint"),
		RetryMode:              str(m.RetryMode, "retry_mode"),
	}

	switch {
	case m.MaxRetries.IsUnknown():
		unknown(path.Root("max_retries"))
	case !m.MaxRetries.IsNull():
		retries := int(m.MaxRetries.ValueInt64())
		s.MaxRetries = &retries
	}

	if m.AssumeRole != nil {
		role := m.AssumeRole
		s.AssumeRole = &awsconfig.AssumeRole{
			RoleARN:     roleStr(role.RoleARN, "role_arn"),
			SessionName: roleStr(role.SessionName, "session_name"),
			ExternalID:  roleStr(role.ExternalID, "external_id"),
		}
		switch {
		case role.Duration.IsUnknown():
			unknown(path.Root("assume_role").AtName("duration"))
		case !role.Duration.IsNull():
			d, ds := role.Duration.ValueGoDuration()
			diags.Append(ds...)
			s.AssumeRole.Duration = d
		}
	}

	return s, diags
}

func (p *cognitoProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		importjobs.NewUserImportJobsDataSource,
		importjobs.NewUserImportJobDataSource,
		importjobs.NewUserPoolCSVHeaderDataSource,
	}
}

func (p *cognitoProvider) Resources(_ context.Context) []func() resource.Resource {
	return nil
}
