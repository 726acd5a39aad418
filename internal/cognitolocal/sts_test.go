package cognitolocal_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/cognito-tf/terraform-provider-cognito/internal/cognitolocal"
)

const readerRole = "arn:aws:iam::123456789012:role/ImportJobsReader"

// stsClientOf is an STS client of the endpoint at url, signing with cred.
func stsClientOf(url string, cred cognitolocal.Credential) *sts.Client {
	return sts.New(sts.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider(cred.AccessKeyID, cred.SecretAccessKey, cred.SessionToken),
		Retryer:      connectionRetries(),
	})
}

// assume assumes role through the endpoint at url with the default key
// pair and returns the temporary keys.
func assume(t *testing.T, url, role string, optFns ...func(*sts.AssumeRoleInput)) (cognitolocal.Credential, time.Time) {
	t.Helper()

	in := &sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("unit-test")}
	for _, fn := range optFns {
		fn(in)
	}
	out, err := stsClientOf(url, cognitolocal.DefaultCredential).AssumeRole(context.Background(), in)
	if err != nil {
		t.Fatalf("assuming %s: %v", role, err)
	}

	c := out.Credentials
	return cognitolocal.Credential{
		AccessKeyID:     aws.ToString(c.AccessKeyId),
		SecretAccessKey: aws.ToString(c.SecretAccessKey),
		SessionToken:    aws.ToString(c.SessionToken),
	}, aws.ToTime(c.Expiration)
}

func TestAssumeRole_handsOutKeysTheUserPoolsAPIAccepts(t *testing.T) {
	s := cognitolocal.New()
	s.AddRole(cognitolocal.Role{ARN: readerRole})
	s.AddJobs(poolID, cognitolocal.GenerateJobs(poolID, 3, newest)...)
	url := serve(t, s)
	before := time.Now()

	temporary, expires := assume(t, url, readerRole)

	if !strings.HasPrefix(temporary.AccessKeyID, "ASIA") || temporary.SessionToken == "" {
		t.Errorf("got access key %s with a session token: %v, expected an ASIA key with one",
			temporary.AccessKeyID, temporary.SessionToken != "")
	}
	if expires.Before(before.Add(59*time.Minute)) || expires.After(before.Add(61*time.Minute)) {
		t.Errorf("the keys expire at %v, expected an hour after %v", expires, before)
	}

	out, err := listPage(clientOf(url, temporary, "eu-west-1"), 60, nil)
	if err != nil {
		t.Fatalf("listing with the assumed role's keys: %v", err)
	}
	if len(out.UserImportJobs) != 3 {
		t.Errorf("listed %d jobs with the assumed role's keys, expected 3", len(out.UserImportJobs))
	}
	log := s.RequestLog()
	last := log[len(log)-1]
	if last.Operation != "ListUserImportJobs" || last.AccessKeyID != temporary.AccessKeyID || last.Role != readerRole {
		t.Errorf("the endpoint noted %s by %s as role %q, expected ListUserImportJobs by the temporary key as %s",
			last.Operation, last.AccessKeyID, last.Role, readerRole)
	}
	if first := log[0]; first.Operation != "AssumeRole" || first.AccessKeyID != cognitolocal.DefaultCredential.AccessKeyID {
		t.Errorf("the endpoint noted %s by %s first, expected AssumeRole by the configured key",
			first.Operation, first.AccessKeyID)
	}
}

func TestAssumeRole_notesTheSessionNameAndDurationOfEachGrant(t *testing.T) {
	const auditorRole = "arn:aws:iam::123456789012:role/ImportJobsAuditor"
	s := cognitolocal.New()
	s.AddRole(cognitolocal.Role{ARN: readerRole, ExternalID: "migration-2026"})
	s.AddRole(cognitolocal.Role{ARN: auditorRole})
	url := serve(t, s)
	withExternalID := func(in *sts.AssumeRoleInput) { in.ExternalId = aws.String("migration-2026") }

	assume(t, url, readerRole, withExternalID, func(in *sts.AssumeRoleInput) {
		in.RoleSessionName = aws.String("nightly-audit")
		in.DurationSeconds = aws.Int32(1800)
	})
	assume(t, url, auditorRole)
	assume(t, url, readerRole, withExternalID)
	_, refused := stsClientOf(url, cognitolocal.DefaultCredential).AssumeRole(context.Background(),
		&sts.AssumeRoleInput{RoleArn: aws.String(readerRole), RoleSessionName: aws.String("no-external-id")})

	if refused == nil {
		t.Fatal("AssumeRole without the role's external id succeeded, expected AccessDenied")
	}
	want := []cognitolocal.RoleSession{
		{RoleARN: readerRole, SessionName: "nightly-audit", Duration: 30 * time.Minute},
		{RoleARN: readerRole, SessionName: "unit-test", Duration: time.Hour},
	}
	if got := s.RoleSessions(readerRole); !slices.Equal(got, want) {
		t.Errorf("the endpoint noted sessions %+v of the reader role, expected the two granted ones %+v",
			got, want)
	}
	if got := s.RoleSessions(auditorRole); len(got) != 1 {
		t.Errorf("the endpoint noted %d sessions of the auditor role, expected the 1 granted", len(got))
	}
}

func TestAssumeRole_refusesWhatTheRoleDoesNotAllow(t *testing.T) {
	s := cognitolocal.New()
	s.AddRole(cognitolocal.Role{ARN: readerRole, ExternalID: "migration-2026", MaxSessionDuration: 2 * time.Hour})
	url := serve(t, s)
	client := stsClientOf(url, cognitolocal.DefaultCredential)

	for _, tc := range []struct {
		name    string
		in      sts.AssumeRoleInput
		code    string
		message string
	}{
		{"a role the endpoint does not know", sts.AssumeRoleInput{
			RoleArn: aws.String("arn:aws:iam::123456789012:role/Admin"), RoleSessionName: aws.String("session"),
			ExternalId: aws.String("migration-2026"),
		}, "AccessDenied", "is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/Admin"},
		{"without the external id", sts.AssumeRoleInput{
			RoleArn: aws.String(readerRole), RoleSessionName: aws.String("session"),
		}, "AccessDenied", "sts:AssumeRole"},
		{"a session longer than the role allows", sts.AssumeRoleInput{
			RoleArn: aws.String(readerRole), RoleSessionName: aws.String("session"),
			ExternalId: aws.String("migration-2026"), DurationSeconds: aws.Int32(3 * 3600),
		}, "ValidationError", "exceeds the MaxSessionDuration"},
		{"a session name with a space", sts.AssumeRoleInput{
			RoleArn: aws.String(readerRole), RoleSessionName: aws.String("two words"),
			ExternalId: aws.String("migration-2026"),
		}, "ValidationError", "at 'roleSessionName' failed to satisfy constraint"},
	} {
		_, err := client.AssumeRole(context.Background(), &tc.in)

		code, message := errorCode(t, err)
		if code != tc.code || !strings.Contains(message, tc.message) {
			t.Errorf("%s: got %s: %s, expected %s mentioning %q", tc.name, code, message, tc.code, tc.message)
		}
	}
}

func TestAssumeRole_keysExpireByTheEndpointsClock(t *testing.T) {
	s := cognitolocal.New()
	s.AddRole(cognitolocal.Role{ARN: readerRole})
	s.AddPool(poolID, cognitolocal.PoolOptions{})
	clock := cognitolocal.NewManualClock(time.Now())
	s.SetClock(clock)
	url := serve(t, s)

	temporary, _ := assume(t, url, readerRole, func(in *sts.AssumeRoleInput) { in.DurationSeconds = aws.Int32(900) })
	client := clientOf(url, temporary, "eu-west-1")
	if _, err := listPage(client, 60, nil); err != nil {
		t.Fatalf("listing with fresh keys: %v", err)
	}

	clock.Advance(15 * time.Minute)
	_, err := listPage(client, 60, nil)

	if code, _ := errorCode(t, err); code != "ExpiredTokenException" {
		t.Errorf("after 15 minutes the keys gave %s, expected ExpiredTokenException", code)
	}
}

func TestAssumeRole_refusesBadSignaturesInSTSTerms(t *testing.T) {
	s := cognitolocal.New()
	s.AddRole(cognitolocal.Role{ARN: readerRole})
	url := serve(t, s)

	for _, tc := range []struct {
		cred cognitolocal.Credential
		code string
	}{
		{cognitolocal.Credential{AccessKeyID: "AKIDUNKNOWN", SecretAccessKey: "x"}, "InvalidClientTokenId"},
		{cognitolocal.Credential{AccessKeyID: cognitolocal.DefaultCredential.AccessKeyID, SecretAccessKey: "wrong"},
			"SignatureDoesNotMatch"},
	} {
		_, err := stsClientOf(url, tc.cred).AssumeRole(context.Background(), &sts.AssumeRoleInput{
			RoleArn: aws.String(readerRole), RoleSessionName: aws.String("session"),
		})

		if code, _ := errorCode(t, err); code != tc.code {
			t.Errorf("key %s: got %s, expected %s", tc.cred.AccessKeyID, code, tc.code)
		}
	}
}
