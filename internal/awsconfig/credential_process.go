package awsconfig

import (
	"context"
	"errors"
	"fmt"
	"os/exec"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials/processcreds"
)

// withheldProcessOutput wraps a credentials provider so that no error of a
// profile's credential_process reaches the user with what the process
// printed. The SDK quotes a process's whole output when it cannot parse it,
// and that output is most often the very keys the process hands out, one
// stray line of logging away from JSON.
type withheldProcessOutput struct {
	aws.CredentialsProvider
}

// Retrieve retrieves the credentials of the wrapped provider and replaces an
// error of a credential_process with one that quotes nothing it printed.
func (w withheldProcessOutput) Retrieve(ctx context.Context) (aws.Credentials, error) {
	creds, err := w.CredentialsProvider.Retrieve(ctx)

	var processErr *processcreds.ProviderError
	if err != nil && errors.As(err, &processErr) {
		return creds, credentialProcessFailure(processErr)
	}

	return creds, err
}

// credentialProcessFailure says why a credential_process gave no credentials
// in words of ours, never in its output.
func credentialProcessFailure(err *processcreds.ProviderError) error {
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		return fmt.Errorf("the credential_process of the AWS profile exited with status %d",
			exitErr.ExitCode())
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return errors.New("the credential_process of the AWS profile did not finish in time")
	}

	return errors.New("the credential_process of the AWS profile printed no credentials " +
		"that the AWS SDK could read: it must print only the JSON document that the AWS " +
		"CLI documents for credential_process. What it printed is not shown, since it may " +
		"hold keys")
}
