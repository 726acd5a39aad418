package importjobs

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stateErrorSummary is the summary of a state that could not be written.
const stateErrorSummary = "writing the data source state"

// setState writes a data source model into state, turning each of its
// values into its Terraform form once.
//
// State.Set given the model would turn the jobs list into Terraform values,
// back into framework values and into Terraform values again, which at a
// thousand jobs took most of a read's time. The model's fields are already
// framework values, so there is nothing for that round trip to add; the
// schema still checks the result, here and in State.Set.
func setState(ctx context.Context, state *tfsdk.State, model any) diag.Diagnostics {
	var diags diag.Diagnostics

	objectType, ok := state.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		diags.AddError(stateErrorSummary, "The schema is not an object. "+
			"This is a bug in the provider; please report it.")
		return diags
	}

	values, err := terraformValues(ctx, model)
	if err == nil {
		err = tftypes.ValidateValue(objectType, values)
	}
	if err != nil {
		diags.AddError(stateErrorSummary, fmt.Sprintf("The model does not fit the schema: %s. "+
			"This is a bug in the provider; please report it.", err))
		return diags
	}

	return state.Set(ctx, tftypes.NewValue(objectType, values))
}

// terraformValues turns each field of a model struct that has a tfsdk tag
// into its Terraform value, by the tag's attribute name. Every such field
// must hold a framework value, as the fields of the data sources' models do.
func terraformValues(ctx context.Context, model any) (map[string]tftypes.Value, error) {
	v := reflect.ValueOf(model)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil, fmt.Errorf("a model is a struct, not %s", v.Type())
	}

	values := make(map[string]tftypes.Value, v.NumField())
	for i := range v.NumField() {
		field := v.Type().Field(i)
		name := field.Tag.Get("tfsdk")
		if name == "" || name == "-" {
			continue
		}

		value, ok := v.Field(i).Interface().(attr.Value)
		if !ok {
			return nil, fmt.Errorf("field %s (%s) holds a %s, not a framework value",
				field.Name, name, field.Type)
		}
		tfValue, err := value.ToTerraformValue(ctx)
		if err != nil {
			return nil, fmt.Errorf("field %s (%s): %w", field.Name, name, err)
		}
		values[name] = tfValue
	}

	return values, nil
}
