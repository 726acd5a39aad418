// Package awsconfig turns the provider's settings into an aws.Config and a
// Cognito user pools client, using aws-sdk-go-v2's own loader so that the
// standard AWS environment variables and shared files keep their meaning.
package awsconfig

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
)

// DefaultMaxRetries is how many times a failed request is retried when
// neither the settings nor AWS_MAX_ATTEMPTS say otherwise. It is lower than
// the AWS provider's 25 because a user waits on every data source read.
const DefaultMaxRetries = 3

// ErrNoRegion is returned when no source names a region. Guessing one would
// send requests to a region the user never chose.
var ErrNoRegion = errors.New("no AWS region is configured")

// Settings are the provider's configuration, in the AWS provider's terms.
// Empty strings, nil slices and nil pointers mean "not set here", which
// leaves the environment and the shared files to decide.
type Settings struct {
	Region                 string
	Profile                string
	SharedConfigFiles      []string
	SharedCredentialsFiles []string
	AccessKey              string
	SecretKey              string
	Token                  string

	// Endpoint overrides the URL of the Cognito user pools API only.
	Endpoint string

	// MaxRetries is the number of retries after a failed attempt, so the
	// number of attempts is MaxRetries + 1.
	MaxRetries *int

	// RetryMode is "standard" or "adaptive".
	RetryMode string

	AssumeRole *AssumeRole

	// UserAgent entries are appended to the User-Agent header of every
	// request, as name/version pairs.
	UserAgent []UserAgentProduct
}

// AssumeRole names an IAM role to assume through STS before calling Cognito.
type AssumeRole struct {
	RoleARN     string
	SessionName string
	ExternalID  string

	// Duration of the role session; zero leaves the STS default.
	Duration time.Duration
}

// UserAgentProduct is one name/version pair of the User-Agent header.
type UserAgentProduct struct {
	Name    string
	Version string
}

// Load builds the aws.Config for the settings. It makes no network call,
// except to STS when an assume_role is set, so that a role the caller cannot
// assume is reported while the provider is being configured.
func Load(ctx context.Context, s Settings) (aws.Config, error) {
	var opts []func(*config.LoadOptions) error

	if s.Region != "" {
		opts = append(opts, config.WithRegion(s.Region))
	}
	if s.Profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(s.Profile))
	}
	if len(s.SharedConfigFiles) > 0 {
		opts = append(opts, config.WithSharedConfigFiles(s.SharedConfigFiles))
	}
	if len(s.SharedCredentialsFiles) > 0 {
		opts = append(opts, config.WithSharedCredentialsFiles(s.SharedCredentialsFiles))
	}
	if s.AccessKey != "" || s.SecretKey != "" {
		static := credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, s.Token)
		opts = append(opts, config.WithCredentialsProvider(static))
	}
	if len(s.UserAgent) > 0 {
		var apiOptions []func(*middleware.Stack) error
		for _, product := range s.UserAgent {
			apiOptions = append(apiOptions,
				awsmiddleware.AddUserAgentKeyValue(product.Name, product.Version))
		}
		opts = append(opts, config.WithAPIOptions(apiOptions))
	}

	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration: %w", err)
	}

	if cfg.Region == "" {
		return aws.Config{}, ErrNoRegion
	}

	// Before assume_role, whose STS call is signed with these credentials
	// too.
	if cfg.Credentials != nil {
		cfg.Credentials = withheldProcessOutput{cfg.Credentials}
	}

	applyRetrySettings(&cfg, s)

	if s.AssumeRole != nil {
		if err := assumeRole(ctx, &cfg, *s.AssumeRole); err != nil {
			return aws.Config{}, err
		}
	}

	return cfg, nil
}

// NewCognitoClient returns the Cognito user pools client for cfg, pointed at
// endpoint when it is not empty.
func NewCognitoClient(cfg aws.Config, endpoint string) *cognitoidentityprovider.Client {
	return cognitoidentityprovider.NewFromConfig(cfg, func(o *cognitoidentityprovider.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
}

// applyRetrySettings gives explicit settings precedence over AWS_MAX_ATTEMPTS
// and AWS_RETRY_MODE, which the loader has already read into cfg, and those
// precedence over the provider's defaults.
func applyRetrySettings(cfg *aws.Config, s Settings) {
	attempts := DefaultMaxRetries + 1
	switch {
	case s.MaxRetries != nil:
		attempts = *s.MaxRetries + 1
	case cfg.RetryMaxAttempts > 0:
		attempts = cfg.RetryMaxAttempts
	}

	mode := aws.RetryModeStandard
	switch {
	case s.RetryMode != "":
		mode = aws.RetryMode(s.RetryMode)
	case cfg.RetryMode != "":
		mode = cfg.RetryMode
	}

	cfg.RetryMaxAttempts = attempts
	cfg.RetryMode = mode
	cfg.Retryer = func() aws.Retryer {
		standard := func(o *retry.StandardOptions) { o.MaxAttempts = attempts }
		if mode == aws.RetryModeAdaptive {
			return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
				o.StandardOptions = append(o.StandardOptions, standard)
			})
		}
		return retry.NewStandard(standard)
	}
}

func assumeRole(ctx context.Context, cfg *aws.Config, role AssumeRole) error {
	provider := stscreds.NewAssumeRoleProvider(sts.NewFromConfig(*cfg), role.RoleARN,
		func(o *stscreds.AssumeRoleOptions) {
			if role.SessionName != "" {
				o.RoleSessionName = role.SessionName
			}
			if role.ExternalID != "" {
				o.ExternalID = aws.String(role.ExternalID)
			}
			if role.Duration > 0 {
				o.Duration = role.Duration
			}
		})
	cfg.Credentials = aws.NewCredentialsCache(provider)

	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		return fmt.Errorf("assuming IAM role %s: %w", role.RoleARN, err)
	}

	return nil
}
