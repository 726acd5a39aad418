package cognitolocal_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

// writeSeed writes a seed file for one test and returns its path.
func writeSeed(t *testing.T, content string) string {
	t.Helper()

	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSeedFile_refusesAJobIdGivenTwiceNamingBothPlaces(t *testing.T) {
	path := writeSeed(t, `{"UserPools": [{
  "UserPoolId": "`+poolID+`",
  "UserImportJobs": [
    {"JobId": "import-Twice00001", "JobName": "first", "CreationDate": 1763461002.853},
    {"JobId": "import-Once000001", "JobName": "between", "CreationDate": 1763461001},
    {"JobId": "import-Twice00001", "JobName": "again", "CreationDate": 1763461000}
  ]}]}`)
	s := cognitolocal.New()

	err := s.LoadSeedFile(path)

	if err == nil {
		t.Fatal("the seed loaded, expected it refused for a job id given twice")
	}
	for _, want := range []string{path, `"import-Twice00001"`, "UserPools[0].UserImportJobs[2]",
		"UserPools[0].UserImportJobs[0]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q does not name %s", err, want)
		}
	}
	_, err = listPage(start(t, s, cognitolocal.DefaultCredential, "eu-west-1"), 60, nil)
	if code, _ := errorCode(t, err); code != "ResourceNotFoundException" {
		t.Errorf("listing the seed's pool gave %s, expected ResourceNotFoundException: "+
			"a refused seed adds nothing", code)
	}
}

func TestLoadSeedFile_refusesAJobIdGivenTwiceForOnePoolInTwoEntries(t *testing.T) {
	path := writeSeed(t, `{"UserPools": [
  {"UserPoolId": "`+poolID+`", "UserImportJobs": [{"JobId": "import-Twice00001", "CreationDate": 1}]},
  {"UserPoolId": "`+otherPoolID+`", "UserImportJobs": [{"JobId": "import-Twice00001", "CreationDate": 1}]},
  {"UserPoolId": "`+poolID+`", "UserImportJobs": [{"JobId": "import-Twice00001", "CreationDate": 2}]}
]}`)

	err := cognitolocal.New().LoadSeedFile(path)

	if err == nil || !strings.Contains(err.Error(), "UserPools[2].UserImportJobs[0]") ||
		!strings.Contains(err.Error(), "UserPools[0].UserImportJobs[0]") {
		t.Errorf("got %v, expected an error naming the two entries of the same pool, "+
			"and not the other pool's job of the same id", err)
	}
}

func TestLoadSeed_jobsOfOneInstantListInTheSeedsOrder(t *testing.T) {
	// As a listing of the service reads, newest first: a seed copied from
	// an answer keeps the answer's order where CreationDate ties.
	ids := []string{"import-Zzz0000001", "import-Aaa0000002", "import-Mmm0000003"}
	var jobs []string
	for _, id := range ids {
		jobs = append(jobs, `{"JobId": "`+id+`", "CreationDate": 1763461002.853}`)
	}
	s := cognitolocal.New()
	err := s.LoadSeed(strings.NewReader(`{"UserPools": [{"UserPoolId": "` + poolID + `", ` +
		`"UserImportJobs": [` + strings.Join(jobs, ",") + `]}]}`))
	if err != nil {
		t.Fatal(err)
	}

	var listed []string
	for _, job := range listAll(t, start(t, s, cognitolocal.DefaultCredential, "eu-west-1")) {
		listed = append(listed, aws.ToString(job.JobId))
	}
	if strings.Join(listed, ",") != strings.Join(ids, ",") {
		t.Errorf("the pool lists %v, expected the seed's order %v", listed, ids)
	}
}

func TestLoadSeedFile_givesAPoolTheFaultsOfItsOptionsAndItsCSVHeader(t *testing.T) {
	var jobs []string
	for i := range 5 {
		jobs = append(jobs, fmt.Sprintf(`{"JobId": "import-Seeded%05d", "CreationDate": %d}`, i, 1763461002-i))
	}
	path := writeSeed(t, `{"UserPools": [
  {
    "UserPoolId": "`+poolID+`",
    "Options": {"Throttle": 1, "PageSize": 2, "Latency": "1ms", "Operations": ["ListUserImportJobs"]},
    "CSVHeader": ["cognito:username", "email", "custom:department"],
    "UserImportJobs": [`+strings.Join(jobs, ",")+`]
  },
  {"UserPoolId": "`+otherPoolID+`", "UserImportJobs": [`+strings.Join(jobs, ",")+`]}
]}`)
	s := cognitolocal.New()
	if err := s.LoadSeedFile(path); err != nil {
		t.Fatal(err)
	}
	url := serve(t, s)
	client := clientOf(url, cognitolocal.DefaultCredential, "eu-west-1")

	if code := listRaw(t, url, poolID); code != "TooManyRequestsException" {
		t.Errorf("the first listing answered %q, expected the seed's one throttle", code)
	}
	page, err := listPage(client, 60, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.UserImportJobs) != 2 || page.PaginationToken == nil {
		t.Errorf("the next listing held %d jobs and a token %v, expected the seed's pages of 2 with a token",
			len(page.UserImportJobs), page.PaginationToken != nil)
	}
	if left := s.PoolFaults(poolID); left.Throttle != 0 || left.Latency != time.Millisecond {
		t.Errorf("the pool has %d throttles and %v latency left, expected 0 and the seed's 1ms",
			left.Throttle, left.Latency)
	}

	header, err := client.GetCSVHeader(context.Background(), &cip.GetCSVHeaderInput{UserPoolId: aws.String(poolID)})
	if err != nil {
		t.Fatalf("GetCSVHeader failed, expected the seed's faults to spare it: %v", err)
	}
	want := []string{"cognito:username", "email", "custom:department"}
	if !slices.Equal(header.CSVHeader, want) {
		t.Errorf("the pool's CSV header is %v, expected the seed's %v", header.CSVHeader, want)
	}

	if n := len(listAll(t, client)); n != 5 {
		t.Errorf("listing the seeded pool page by page gave %d jobs, expected its 5", n)
	}
	other, err := client.ListUserImportJobs(context.Background(), &cip.ListUserImportJobsInput{
		UserPoolId: aws.String(otherPoolID), MaxResults: aws.Int32(60),
	})
	if err != nil || len(other.UserImportJobs) != 5 || other.PaginationToken != nil {
		t.Errorf("the other pool answered %v, expected its 5 jobs on one page: the options are the pool's", err)
	}
}
