package awsconfig

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

const (
	processSecretKey = "process-secret-key-never-shown"
	processToken     = "process-session-token-never-shown"
	processAnswer    = `{"Version": 1, "AccessKeyId": "AKIDPROCESS00001", ` +
		`"SecretAccessKey": "` + processSecretKey + `", "SessionToken": "` + processToken + `"}`
)

// profileWithProcess writes a shared config file whose profile "proc" gets
// its credentials from a credential_process running script, and points the
// SDK at it.
func profileWithProcess(t *testing.T, script string) {
	t.Helper()

	dir := t.TempDir()
	process := filepath.Join(dir, "credentials.sh")
	if err := os.WriteFile(process, []byte("#!/bin/sh\n"+script), 0o700); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config")
	profile := "[profile proc]\nregion = eu-west-1\ncredential_process = " + process + "\n"
	if err := os.WriteFile(config, []byte(profile), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_CONFIG_FILE", config)
}

func TestLoad_credentialProcessFailuresQuoteNothingItPrinted(t *testing.T) {
	for name, tc := range map[string]struct{ script, reason string }{
		"a log line before the JSON": {
			script: "echo 'refreshing the keys...'\necho '" + processAnswer + "'\n",
			reason: "printed no credentials that the AWS SDK could read",
		},
		"keys printed, then a failure": {
			script: "echo '" + processAnswer + "'\nexit 3\n",
			reason: "exited with status 3",
		},
	} {
		t.Run(name, func(t *testing.T) {
			isolate(t)
			profileWithProcess(t, tc.script)
			server := newRecorder(t)

			err := listWithProfile(t, "proc", server.url)
			if err == nil {
				t.Fatal("the call succeeded, expected it to fail for want of credentials")
			}

			msg := err.Error()
			if strings.Contains(msg, processSecretKey) || strings.Contains(msg, processToken) {
				t.Fatal("the error quotes the secret key or session token that the " +
					"credential_process printed (message withheld)")
			}
			if !strings.Contains(msg, "credential_process of the AWS profile "+tc.reason) {
				t.Errorf("the error is %q, expected it to say that the credential_process %s",
					msg, tc.reason)
			}
			if n := len(server.auths); n != 0 {
				t.Errorf("the endpoint saw %d requests, expected none without credentials", n)
			}
		})
	}
}

func TestLoad_credentialProcessThatAnswersWellSignsTheRequests(t *testing.T) {
	isolate(t)
	profileWithProcess(t, "echo '"+processAnswer+"'\n")
	server := newRecorder(t)

	if err := listWithProfile(t, "proc", server.url); err != nil {
		t.Fatalf("ListUserImportJobs: %v", err)
	}

	if len(server.auths) != 1 || !strings.Contains(server.auths[0], "Credential=AKIDPROCESS00001/") {
		t.Errorf("the endpoint saw %d requests, expected one signed with the process's "+
			"access key AKIDPROCESS00001", len(server.auths))
	}
}

// listWithProfile loads the configuration of profile and lists the import
// jobs of a pool at endpoint once, returning the call's error.
func listWithProfile(t *testing.T, profile, endpoint string) error {
	t.Helper()

	cfg, err := Load(context.Background(), Settings{Profile: profile})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	_, err = NewCognitoClient(cfg, endpoint).ListUserImportJobs(context.Background(),
		&cip.ListUserImportJobsInput{UserPoolId: aws.String("eu-west-1_Qx7Zk2Lm9"),
			MaxResults: aws.Int32(60)})
	return err
}
