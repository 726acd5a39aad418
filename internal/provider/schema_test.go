package provider

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	providerschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
)

// described is what the schema types of attributes and blocks have in common:
// the descriptions tfplugindocs writes into docs/.
type described interface {
	GetDescription() string
	GetMarkdownDescription() string
}

// undescribed returns the paths below prefix of the attributes and blocks
// that have neither a description nor a Markdown description, descending
// into nested attributes and blocks.
func undescribed(prefix string, attrs map[string]described, nested func(name string) map[string]described) []string {
	var missing []string
	for name, a := range attrs {
		at := prefix + name
		if a.GetDescription() == "" && a.GetMarkdownDescription() == "" {
			missing = append(missing, at)
		}
		if inner := nested(name); inner != nil {
			missing = append(missing, undescribed(at+".", inner, func(string) map[string]described { return nil })...)
		}
	}
	return missing
}

func TestSchemas_describeEveryAttributeAndBlock(t *testing.T) {
	p := New("test")()
	providerSchema := providerSchemaOf(t, p)
	if providerSchema.MarkdownDescription == "" {
		t.Error("the provider's schema has no description")
	}
	for _, at := range undescribed("provider.", providerSchemaEntries(providerSchema),
		func(name string) map[string]described {
			if b, ok := providerSchema.Blocks[name].(providerschema.SingleNestedBlock); ok {
				return describedOf(b.Attributes)
			}
			return nil
		}) {
		t.Errorf("%s has no description: tfplugindocs would document it with none", at)
	}

	for typeName, s := range dataSourceSchemas(t, p) {
		if s.MarkdownDescription == "" {
			t.Errorf("%s has no description", typeName)
		}

		for _, at := range undescribed(typeName+".", dataSourceSchemaEntries(s),
			func(name string) map[string]described {
				switch a := s.Attributes[name].(type) {
				case dsschema.ListNestedAttribute:
					return describedOf(a.NestedObject.Attributes)
				case dsschema.SingleNestedAttribute:
					return describedOf(a.Attributes)
				}
				if b, ok := s.Blocks[name].(dsschema.SingleNestedBlock); ok {
					return describedOf(b.Attributes)
				}
				return nil
			}) {
			t.Errorf("%s has no description: tfplugindocs would document it with none", at)
		}
	}
}

// providerSchemaOf returns the schema of the provider p.
func providerSchemaOf(t *testing.T, p provider.Provider) providerschema.Schema {
	t.Helper()

	var resp provider.SchemaResponse
	p.Schema(context.Background(), provider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("provider schema: %v", resp.Diagnostics)
	}
	return resp.Schema
}

// dataSourceSchemas returns the schema of each data source of p, by its
// type name.
func dataSourceSchemas(t *testing.T, p provider.Provider) map[string]dsschema.Schema {
	t.Helper()

	ctx := context.Background()
	schemas := map[string]dsschema.Schema{}
	for _, newDataSource := range p.DataSources(ctx) {
		ds := newDataSource()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "cognito"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s schema: %v", meta.TypeName, resp.Diagnostics)
		}
		schemas[meta.TypeName] = resp.Schema
	}
	return schemas
}

func providerSchemaEntries(s providerschema.Schema) map[string]described {
	entries := describedOf(s.Attributes)
	for name, b := range s.Blocks {
		entries[name] = b
	}
	return entries
}

func dataSourceSchemaEntries(s dsschema.Schema) map[string]described {
	entries := describedOf(s.Attributes)
	for name, b := range s.Blocks {
		entries[name] = b
	}
	return entries
}

// describedOf views a map of attributes, of any schema package, as
// described values.
func describedOf[A described](attrs map[string]A) map[string]described {
	out := make(map[string]described, len(attrs))
	for name, a := range attrs {
		out[name] = a
	}
	return out
}

// sensitive is what the schema types of attributes have for their mark.
type sensitive interface {
	IsSensitive() bool
}

// sensitivePaths lists the paths below prefix of the sensitive attributes of
// attrs, descending into nested attributes and blocks through nested.
func sensitivePaths[A sensitive](prefix string, attrs map[string]A) []string {
	var paths []string
	for name, a := range attrs {
		if a.IsSensitive() {
			paths = append(paths, prefix+name)
		}
		switch n := any(a).(type) {
		case dsschema.ListNestedAttribute:
			paths = append(paths, sensitivePaths(prefix+name+".", n.NestedObject.Attributes)...)
		case dsschema.SingleNestedAttribute:
			paths = append(paths, sensitivePaths(prefix+name+".", n.Attributes)...)
		}
	}
	return paths
}

func TestSchemas_markExactlyTheSecretsSensitive(t *testing.T) {
	p := New("test")()
	providerSchema := providerSchemaOf(t, p)
	got := map[string][]string{"provider": sensitivePaths("", providerSchema.Attributes)}
	for name, b := range providerSchema.Blocks {
		if nested, ok := b.(providerschema.SingleNestedBlock); ok {
			got["provider"] = append(got["provider"], sensitivePaths(name+".", nested.Attributes)...)
		}
	}

	for typeName, s := range dataSourceSchemas(t, p) {
		got[typeName] = sensitivePaths("", s.Attributes)
	}

	// The credentials of the provider and the presigned upload URLs, and
	// nothing else: jobs must stay free of marks, so that it can be output
	// and passed to modules as it is.
	want := map[string][]string{
		"provider":                     {"secret_key", "token"},
		"cognito_user_import_jobs":     {"pre_signed_urls"},
		"cognito_user_import_job":      {"pre_signed_url"},
		"cognito_user_pool_csv_header": nil,
	}
	for name := range got {
		slices.Sort(got[name])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the sensitive attributes are %v, expected exactly %v", got, want)
	}
}
