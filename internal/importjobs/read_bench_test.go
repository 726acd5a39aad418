package importjobs

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const benchPoolID = "eu-west-1_Bench0001"

// benchClient serves n generated jobs from an in-process endpoint and
// returns an SDK client for it.
func benchClient(b *testing.B, n int) *cip.Client {
	b.Helper()

	client, _ := localClient(b, n)
	return client
}

// localClient serves n generated jobs in the pool benchPoolID from an
// in-process endpoint, and returns an SDK client for it and the endpoint,
// which counts the requests it serves.
func localClient(tb testing.TB, n int) (*cip.Client, *cognitolocal.Server) {
	tb.Helper()

	server := cognitolocal.New()
	server.AddPool(benchPoolID, cognitolocal.PoolOptions{})
	server.AddJobs(benchPoolID, cognitolocal.GenerateJobs(benchPoolID, n,
		time.Date(2026, 11, 19, 10, 15, 0, 0, time.UTC))...)
	ts := httptest.NewServer(server)
	tb.Cleanup(ts.Close)

	cred := cognitolocal.DefaultCredential
	return cip.New(cip.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(ts.URL),
		Credentials:  credentials.NewStaticCredentialsProvider(cred.AccessKeyID, cred.SecretAccessKey, ""),
	}), server
}

// reader runs the data source's Read as Terraform does for a configuration
// that sets user_pool_id and no filter.
type reader struct {
	ds        *userImportJobsDataSource
	schema    schema.Schema
	stateType tftypes.Type
	config    tftypes.Value
}

// newReader reads the pool userPoolID through client.
func newReader(tb testing.TB, client API, userPoolID string) reader {
	tb.Helper()

	ds := &userImportJobsDataSource{conn: &Conn{Client: client, Region: "eu-west-1"}}
	var schemaResp datasource.SchemaResponse
	ds.Schema(context.Background(), datasource.SchemaRequest{}, &schemaResp)
	schemaType := schemaResp.Schema.Type().TerraformType(context.Background())

	// Every attribute null but user_pool_id: a configuration with no
	// filter, whatever attributes the schema gains.
	attrs := make(map[string]tftypes.Value)
	for name, typ := range schemaType.(tftypes.Object).AttributeTypes { //nolint:forcetypeassert // A schema's type is an object.
		attrs[name] = tftypes.NewValue(typ, nil)
	}
	attrs["user_pool_id"] = tftypes.NewValue(tftypes.String, userPoolID)

	return reader{ds: ds, schema: schemaResp.Schema, stateType: schemaType,
		config: tftypes.NewValue(schemaType, attrs)}
}

// read runs one Read and returns its response.
func (r reader) read(ctx context.Context) datasource.ReadResponse {
	req := datasource.ReadRequest{Config: tfsdk.Config{Schema: r.schema, Raw: r.config}}
	resp := datasource.ReadResponse{State: tfsdk.State{Schema: r.schema,
		Raw: tftypes.NewValue(r.stateType, nil)}}
	r.ds.Read(ctx, req, &resp)
	return resp
}

// BenchmarkRead measures the provider's whole read: the list loop over
// every page, the mapping into Terraform values and the state it sets.
// BenchmarkBareSDKLoop over the same endpoint is the floor it is compared
// with.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			r := newReader(b, benchClient(b, n), benchPoolID)

			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				readAll(b, r)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/job")
		})
	}
}

// BenchmarkListAndMap measures the list loop and the mapping of every job
// into the jobs list, without the framework's state conversion.
func BenchmarkListAndMap(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			// With an idle pace, as every read has one: the provider's
			// Conn gives one to each pool.
			lister := jobLister{api: benchClient(b, n), pace: &poolPace{}}

			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				listAndMap(b, lister, n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/job")
		})
	}
}

// BenchmarkBareSDKLoop is the least a read can cost: the same pages read
// with the SDK alone, with no mapping and no state.
func BenchmarkBareSDKLoop(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			client := benchClient(b, n)

			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				bareSDKLoop(b, client, n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/job")
		})
	}
}

// BenchmarkInTurns runs the whole read, the list-and-map path and the bare
// SDK loop in turns over one endpoint, one of each an iteration, every
// iteration starting with the next of them, and reports the median over
// the iterations of the time each took as a ratio to the bare loop's.
// Benchmarks that run one after the other each meet their own moment of a
// busy machine; these three meet the same moments, and the median leaves
// out the iterations that a burst of other work fell on.
func BenchmarkInTurns(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			client := benchClient(b, n)
			r := newReader(b, client, benchPoolID)
			lister := jobLister{api: client, pace: &poolPace{}}
			paths := []func(){
				func() { readAll(b, r) },
				func() { listAndMap(b, lister, n) },
				func() { bareSDKLoop(b, client, n) },
			}

			var readRatios, listAndMapRatios []float64
			for turn := 0; b.Loop(); turn++ {
				var spent [3]time.Duration
				for k := range paths {
					i := (turn + k) % len(paths)
					start := time.Now()
					paths[i]()
					spent[i] = time.Since(start)
				}
				readRatios = append(readRatios, float64(spent[0])/float64(spent[2]))
				listAndMapRatios = append(listAndMapRatios, float64(spent[1])/float64(spent[2]))
			}
			b.ReportMetric(medianOf(readRatios), "read/bare")
			b.ReportMetric(medianOf(listAndMapRatios), "list-and-map/bare")
		})
	}
}

// medianOf is the middle of values, or the mean of the two middle ones.
func medianOf(values []float64) float64 {
	slices.Sort(values)
	mid := len(values) / 2
	if len(values)%2 == 0 {
		return (values[mid-1] + values[mid]) / 2
	}
	return values[mid]
}

// readAll runs the data source's whole Read of the pool.
func readAll(b *testing.B, r reader) {
	if resp := r.read(context.Background()); resp.Diagnostics.HasError() {
		b.Fatal(resp.Diagnostics)
	}
}

// listAndMap lists the n jobs of the pool with the provider's list loop
// and maps them into the jobs list.
func listAndMap(b *testing.B, lister jobLister, n int) {
	var jobs []types.UserImportJobType
	err := lister.each(context.Background(), benchPoolID, func(job types.UserImportJobType) bool {
		jobs = append(jobs, job)
		return true
	})
	if err != nil {
		b.Fatal(err)
	}
	list, diags := flattenJobs(jobs)
	if diags.HasError() || len(list.Elements()) != n {
		b.Fatalf("mapped %d jobs (%v), expected %d", len(list.Elements()), diags, n)
	}
}

// bareSDKLoop lists the n jobs of the pool with the SDK alone and keeps
// them.
func bareSDKLoop(b *testing.B, client *cip.Client, n int) {
	var jobs []types.UserImportJobType
	var token *string
	for {
		out, err := client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
			UserPoolId: aws.String(benchPoolID), MaxResults: aws.Int32(60), PaginationToken: token,
		})
		if err != nil {
			b.Fatal(err)
		}
		jobs = append(jobs, out.UserImportJobs...)
		if aws.ToString(out.PaginationToken) == "" {
			break
		}
		token = out.PaginationToken
	}
	if len(jobs) != n {
		b.Fatalf("listed %d jobs, expected %d", len(jobs), n)
	}
}
