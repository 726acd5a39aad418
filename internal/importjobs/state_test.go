package importjobs

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// emptyState is the state a read starts from: null, of the data source's
// schema.
func emptyState(t *testing.T) tfsdk.State {
	t.Helper()

	var resp datasource.SchemaResponse
	(&userImportJobsDataSource{}).Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return tfsdk.State{Schema: resp.Schema,
		Raw: tftypes.NewValue(resp.Schema.Type().TerraformType(context.Background()), nil)}
}

// fullModel is a model with a value in every attribute: the recorded jobs,
// their ids and URLs, and every filter argument.
func fullModel(t *testing.T) userImportJobsModel {
	t.Helper()

	jobs, err := listAll(t, replay(t, answer{200, "list-page-1.json"}, answer{200, "list-page-2.json"}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	statuses, diags := fwtypes.SetValueFrom(ctx, fwtypes.StringType, []string{"Failed", "Succeeded"})
	list, d := flattenJobs(jobs)
	diags.Append(d...)
	ids, d := jobIDs(jobs)
	diags.Append(d...)
	urls, d := preSignedURLs(jobs, true)
	diags.Append(d...)
	if diags.HasError() {
		t.Fatal(diags)
	}

	return userImportJobsModel{
		UserPoolID:           fwtypes.StringValue("eu-west-1_Qx7Zk2Lm9"),
		Statuses:             statuses,
		NameRegex:            fwtypes.StringValue(`^spring-`),
		CreatedAfter:         timetypes.NewRFC3339ValueMust("2025-11-01T00:00:00Z"),
		MaxResults:           fwtypes.Int64Value(10),
		IncludePreSignedURLs: fwtypes.BoolValue(true),
		Jobs:                 list,
		JobIDs:               ids,
		PreSignedURLs:        urls,
		Timeouts:             timeoutsOf("2m"),
	}
}

func TestSetState_writesWhatStateSetWrites(t *testing.T) {
	ctx := context.Background()
	full := fullModel(t)
	empty := userImportJobsModel{
		UserPoolID:           fwtypes.StringValue("eu-west-1_Qx7Zk2Lm9"),
		Statuses:             fwtypes.SetNull(fwtypes.StringType),
		NameRegex:            fwtypes.StringNull(),
		CreatedAfter:         timetypes.NewRFC3339Null(),
		MaxResults:           fwtypes.Int64Null(),
		IncludePreSignedURLs: fwtypes.BoolNull(),
		Jobs:                 fwtypes.ListValueMust(jobObjectType, nil),
		JobIDs:               fwtypes.ListValueMust(fwtypes.StringType, nil),
		PreSignedURLs:        fwtypes.MapNull(fwtypes.StringType),
		Timeouts:             timeouts.Value{Object: fwtypes.ObjectNull(timeoutsAttrTypes)},
	}

	for name, model := range map[string]userImportJobsModel{"every attribute set": full, "no jobs": empty} {
		viaFramework, viaSetState := emptyState(t), emptyState(t)
		if diags := viaFramework.Set(ctx, &model); diags.HasError() {
			t.Fatalf("%s: State.Set: %v", name, diags)
		}
		if diags := setState(ctx, &viaSetState, model); diags.HasError() {
			t.Fatalf("%s: setState: %v", name, diags)
		}

		if !viaSetState.Raw.Equal(viaFramework.Raw) {
			diffs, err := viaSetState.Raw.Diff(viaFramework.Raw)
			if err != nil {
				t.Fatalf("%s: setState wrote a state that State.Set's cannot be compared with: %v", name, err)
			}
			paths := make([]string, 0, len(diffs))
			for _, d := range diffs {
				paths = append(paths, d.Path.String())
			}
			t.Errorf("%s: setState wrote a state that differs from State.Set's at %s, "+
				"expected the same state", name, strings.Join(paths, ", "))
		}
	}
}

func TestSetState_refusesAModelThatDoesNotFitTheSchema(t *testing.T) {
	// A model that lacks most of the schema's attributes, as a model
	// would lack an attribute added to the schema and not to it.
	type partialModel struct {
		UserPoolID fwtypes.String `tfsdk:"user_pool_id"`
	}
	state := emptyState(t)
	model := partialModel{UserPoolID: fwtypes.StringValue("eu-west-1_Abc")}

	diags := setState(context.Background(), &state, model)

	if !diags.HasError() {
		t.Fatal("setState accepted a model without most of the schema's attributes, expected an error")
	}
	if detail := diags.Errors()[0].Detail(); !strings.Contains(detail, "does not fit the schema") {
		t.Errorf("the error says %q, expected it to say the model does not fit the schema", detail)
	}
	if !state.Raw.IsNull() {
		t.Errorf("setState wrote %s after refusing the model, expected the state left as it was", state.Raw)
	}
}

func TestSetState_refusesAFieldThatIsNoFrameworkValue(t *testing.T) {
	type modelWithPlainString struct {
		UserPoolID string `tfsdk:"user_pool_id"`
	}
	state := emptyState(t)

	diags := setState(context.Background(), &state, modelWithPlainString{UserPoolID: "eu-west-1_Abc"})

	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "UserPoolID") {
		t.Errorf("got %v, expected an error naming the field UserPoolID", diags)
	}
}
