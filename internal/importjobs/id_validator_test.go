package importjobs

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	fwtypes "github.com/hashicorp/terraform-plugin-framework/types"
)

// validate runs v on value as the attribute named name.
func validate(v validator.String, name string, value fwtypes.String) *validator.StringResponse {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{
		Path:        path.Root(name),
		ConfigValue: value,
	}, resp)
	return resp
}

func TestValidJobID_refusesIDsTheAPIWouldRefuse(t *testing.T) {
	for id, problem := range map[string]string{
		"":                                  "does not have the form the API requires",
		"import-":                           "does not have the form the API requires",
		"job-qQ0DCt2fRh":                    "does not have the form the API requires",
		"Import-qQ0DCt2fRh":                 "does not have the form the API requires",
		"import-qQ0DCt2fRh!":                "does not have the form the API requires",
		"import-qQ0D_t2fRh":                 "does not have the form the API requires",
		"import-qQ0DCt2fRh ":                "has white space around it",
		"import-" + strings.Repeat("a", 49): "is 56 characters long",
	} {
		resp := validate(validJobID(), "job_id", fwtypes.StringValue(id))

		if resp.Diagnostics.ErrorsCount() != 1 {
			t.Errorf("%q: got %d errors, expected 1", id, resp.Diagnostics.ErrorsCount())
			continue
		}
		got := resp.Diagnostics.Errors()[0]
		want := `job_id "` + id + `" ` + problem + ". A user import job id must be 1 to 55 " +
			"characters: import- followed by letters, digits and hyphens, as in import-qQ0DCt2fRh."
		if got.Summary() != "invalid user import job id" || got.Detail() != want {
			t.Errorf("%q: got %q / %q, expected %q / %q", id, got.Summary(), got.Detail(),
				"invalid user import job id", want)
		}
	}
}

func TestValidJobID_acceptsIDsTheAPIWouldAccept(t *testing.T) {
	for _, id := range []string{
		"import-qQ0DCt2fRh", "import-1", "import-with-hyphens", "import-" + strings.Repeat("a", 48),
	} {
		if resp := validate(validJobID(), "job_id", fwtypes.StringValue(id)); resp.Diagnostics.HasError() {
			t.Errorf("%q: got %v, expected no error", id, resp.Diagnostics)
		}
	}
}

func TestIDValidators_letUnknownAndNullValuesThrough(t *testing.T) {
	// An unknown id is checked when it becomes known; a null one is
	// refused by Terraform itself, since the ids are required.
	for _, v := range []validator.String{validJobID(), validUserPoolID()} {
		for _, value := range []fwtypes.String{fwtypes.StringUnknown(), fwtypes.StringNull()} {
			if resp := validate(v, "id", value); resp.Diagnostics.HasError() {
				t.Errorf("%s: got %v, expected no error", value, resp.Diagnostics)
			}
		}
	}
}
