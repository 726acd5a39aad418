package importjobs

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

// standardHeader is the header of csv-header.json: a pool with only the
// standard attributes, in the service's order.
var standardHeader = []string{
	"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
	"profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
	"zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
	"cognito:mfa_enabled", "cognito:username",
}

func TestFindCSVHeader_keepsTheServiceOrder(t *testing.T) {
	client := replay(t, answer{200, "csv-header.json"})

	header, err := findCSVHeader(context.Background(), client, nil, "eu-west-1_Qx7Zk2Lm9")
	if err != nil {
		t.Fatal(err)
	}

	if fmt.Sprint(header) != fmt.Sprint(standardHeader) {
		t.Errorf("header is %v, expected the answer's %v", header, standardHeader)
	}
}

func TestCSVLine_joinsPlainNamesWithCommas(t *testing.T) {
	got := csvLine(standardHeader)

	want := "name,given_name,family_name,middle_name,nickname,preferred_username,profile," +
		"picture,website,email,email_verified,gender,birthdate,zoneinfo,locale,phone_number," +
		"phone_number_verified,address,updated_at,cognito:mfa_enabled,cognito:username"
	if got != want {
		t.Errorf("line is %q, expected %q", got, want)
	}
}

func TestCSVLine_quotesNamesThatWouldBreakTheRecord(t *testing.T) {
	names := []string{"email", "custom:cost,centre", `custom:"nick"`, " custom:padded", "cognito:username"}

	got := csvLine(names)

	want := `email,"custom:cost,centre","custom:""nick"""," custom:padded",cognito:username`
	if got != want {
		t.Errorf("line is %q, expected %q", got, want)
	}
	// Whatever it quotes, a CSV reader must read the names back.
	read, err := csv.NewReader(strings.NewReader(got + "\n")).Read()
	if err != nil || fmt.Sprintf("%q", read) != fmt.Sprintf("%q", names) {
		t.Errorf("reading the line back gave %q (%v), expected %q", read, err, names)
	}
}

func TestCSVLine_ofNoNamesIsEmpty(t *testing.T) {
	if got := csvLine(nil); got != "" {
		t.Errorf("line is %q, expected an empty string", got)
	}
}

func TestCallErrorDetail_csvHeaderOfAPoolInAnotherRegion(t *testing.T) {
	client := replay(t, answer{400, "error-not-found.json"})

	_, err := findCSVHeader(context.Background(), client, nil, "eu-west-1_Nope00000")
	if err == nil {
		t.Fatal("expected an error for a missing pool")
	}

	detail := callErrorDetail(operationGetCSVHeader, err, notFoundHint("eu-west-1_Nope00000", "us-east-1"))
	for _, want := range []string{
		"GetCSVHeader failed with ResourceNotFoundException: User pool eu-west-1_Nope00000 does not exist.",
		"names region eu-west-1, but the provider is configured for region us-east-1",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q does not say %q", detail, want)
		}
	}
}

func TestCallErrorDetail_throttledCallNamesTheCode(t *testing.T) {
	client := replay(t, answer{400, "error-throttled.json"})

	_, err := findCSVHeader(context.Background(), client, nil, "eu-west-1_Qx7Zk2Lm9")

	detail := callErrorDetail(operationGetCSVHeader, err, "not this hint")
	if !strings.HasPrefix(detail, "GetCSVHeader failed with TooManyRequestsException: Rate exceeded") ||
		strings.Contains(detail, "not this hint") {
		t.Errorf("detail is %q, expected the code and message without a not-found hint", detail)
	}
}
