package awsconfig

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// sharedFiles are the paths of a shared config file and of the shared
// credentials file beside it.
type sharedFiles struct {
	config, credentials string
}

// sharedProfile is what writeSharedFiles writes of one profile.
type sharedProfile struct {
	region, accessKeyID string
}

// writeSharedFiles writes shared files holding the given profiles into a
// temporary folder: each profile's region goes into the config file only
// and its keys into the credentials file only. The secret keys are fake.
func writeSharedFiles(t *testing.T, profiles map[string]sharedProfile) sharedFiles {
	t.Helper()

	var config, credentials string
	for name, p := range profiles {
		section := "profile " + name
		if name == "default" {
			section = name
		}
		config += "[" + section + "]\nregion = " + p.region + "\n\n"
		credentials += "[" + name + "]\naws_access_key_id = " + p.accessKeyID +
			"\naws_secret_access_key = fake-secret-of-" + name + "\n\n"
	}

	dir := t.TempDir()
	files := sharedFiles{
		config:      filepath.Join(dir, "config"),
		credentials: filepath.Join(dir, "credentials"),
	}
	if err := os.WriteFile(files.config, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files.credentials, []byte(credentials), 0o600); err != nil {
		t.Fatal(err)
	}
	return files
}

// machineProfiles are the profiles of the shared files a machine would
// read by default: each test points the environment at them, so that a
// setting the loader dropped shows as one of these answers.
var machineProfiles = map[string]sharedProfile{
	"default":       {region: "us-east-1", accessKeyID: "AKIDMACHINEDEFAULT"},
	"import-reader": {region: "us-west-2", accessKeyID: "AKIDMACHINEREADER"},
	"other":         {region: "sa-east-1", accessKeyID: "AKIDMACHINEOTHER"},
}

// useSharedFiles points AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE at
// files.
func useSharedFiles(t *testing.T, files sharedFiles) {
	t.Helper()

	t.Setenv("AWS_CONFIG_FILE", files.config)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", files.credentials)
}

// checkProfileUsed loads s, lists through a recorder, and checks that the
// region and the signing key are want's.
func checkProfileUsed(t *testing.T, s Settings, want sharedProfile, which string) {
	t.Helper()
	r := newRecorder(t)

	cfg, err := Load(context.Background(), s)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	list(t, cfg, r.url)

	if cfg.Region != want.region {
		t.Errorf("the region is %q, expected %s of %s", cfg.Region, want.region, which)
	}
	if key := signingKey(r.onlyRequest(t)); key != want.accessKeyID {
		t.Errorf("the request was signed with %q, expected %s of %s", key, want.accessKeyID, which)
	}
}

func TestLoad_profileSettingBeatsAWSProfile(t *testing.T) {
	isolate(t)
	useSharedFiles(t, writeSharedFiles(t, machineProfiles))
	t.Setenv("AWS_PROFILE", "other")

	checkProfileUsed(t, Settings{Profile: "import-reader"}, machineProfiles["import-reader"],
		"the configured profile import-reader")
}

func TestLoad_awsProfileNamesTheProfileWhenNoneIsConfigured(t *testing.T) {
	isolate(t)
	useSharedFiles(t, writeSharedFiles(t, machineProfiles))
	t.Setenv("AWS_PROFILE", "import-reader")

	checkProfileUsed(t, Settings{}, machineProfiles["import-reader"], "AWS_PROFILE's profile import-reader")
}

func TestLoad_sharedFileSettingsBeatTheEnvironmentsFiles(t *testing.T) {
	isolate(t)
	useSharedFiles(t, writeSharedFiles(t, machineProfiles))
	configured := sharedProfile{region: "eu-central-1", accessKeyID: "AKIDCONFIGUREDREADER"}
	files := writeSharedFiles(t, map[string]sharedProfile{"import-reader": configured})

	// The region is only in the config file and the keys only in the
	// credentials file, so each list must be read for the profile to hold.
	checkProfileUsed(t, Settings{
		Profile:                "import-reader",
		SharedConfigFiles:      []string{files.config},
		SharedCredentialsFiles: []string{files.credentials},
	}, configured, "the configured shared files")
}
