package importjobs

import (
	"strings"
	"testing"
)

func TestProviderConn_isNilBeforeTheProviderIsConfigured(t *testing.T) {
	conn, diags := providerConn(nil)

	if conn != nil || diags.HasError() {
		t.Errorf("got %v and %v, expected no Conn and no error", conn, diags)
	}
}

func TestProviderConn_otherProviderDataIsAProviderBug(t *testing.T) {
	conn, diags := providerConn("not a Conn")

	if conn != nil || diags.ErrorsCount() != 1 {
		t.Fatalf("got %v and %v, expected no Conn and one error", conn, diags)
	}
	detail := diags.Errors()[0].Detail()
	if !strings.Contains(detail, "got string") || !strings.Contains(detail, "This is a bug in the provider") {
		t.Errorf("detail %q does not name the type it got and call it a provider bug", detail)
	}
}

func TestProviderConn_handsOverTheProvidersConn(t *testing.T) {
	want := &Conn{Region: "eu-west-1"}

	got, diags := providerConn(want)

	if got != want || diags.HasError() {
		t.Errorf("got %v and %v, expected the provider's Conn and no error", got, diags)
	}
}
