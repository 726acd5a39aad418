package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// presignedQueryMarker is in the query string of every presigned URL; its
// presence anywhere in a state means a URL got there.
const presignedQueryMarker = "X-Amz-Signature="

// ExpectSecretMap checks that the map attribute of the resource holds
// exactly want. Unlike knownvalue checks, it never prints a value, since
// the values are credentials: a failure names the keys that differ.
func ExpectSecretMap(address, attribute string, want map[string]string) statecheck.StateCheck {
	return secretMapCheck{address: address, attribute: attribute, want: want}
}

type secretMapCheck struct {
	address, attribute string
	want               map[string]string
}

func (c secretMapCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest,
	resp *statecheck.CheckStateResponse) {
	values, err := attributeValues(req.State, c.address)
	if err != nil {
		resp.Error = err
		return
	}

	got, ok := values[c.attribute].(map[string]any)
	if !ok {
		resp.Error = fmt.Errorf("%s.%s: expected a map of %d entries, got %T",
			c.address, c.attribute, len(c.want), values[c.attribute])
		return
	}

	var differ []string
	for key, want := range c.want {
		if got[key] != want {
			differ = append(differ, key)
		}
	}
	for key := range got {
		if _, expected := c.want[key]; !expected {
			differ = append(differ, key)
		}
	}
	if len(differ) > 0 {
		sort.Strings(differ)
		resp.Error = fmt.Errorf("%s.%s: the entries for %s are missing, unexpected or not the "+
			"expected values (values withheld: they are credentials)",
			c.address, c.attribute, strings.Join(differ, ", "))
	}
}

// ExpectSecretString checks that the string attribute of the resource is
// want, without ever printing either value, since they are credentials.
func ExpectSecretString(address, attribute, want string) statecheck.StateCheck {
	return secretStringCheck{address: address, attribute: attribute, want: want}
}

type secretStringCheck struct {
	address, attribute, want string
}

func (c secretStringCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest,
	resp *statecheck.CheckStateResponse) {
	values, err := attributeValues(req.State, c.address)
	if err != nil {
		resp.Error = err
		return
	}

	got, ok := values[c.attribute].(string)
	switch {
	case !ok:
		resp.Error = fmt.Errorf("%s.%s: expected a string, got %T", c.address, c.attribute,
			values[c.attribute])
	case got != c.want:
		resp.Error = fmt.Errorf("%s.%s is not the expected value (values withheld: they are "+
			"credentials; got %d characters, expected %d)", c.address, c.attribute, len(got), len(c.want))
	}
}

// ExpectNoSecretInState checks that the attribute of the resource is null
// and that no presigned URL appears anywhere in the state.
func ExpectNoSecretInState(address, attribute string) statecheck.StateCheck {
	return noSecretCheck{address: address, attribute: attribute}
}

type noSecretCheck struct {
	address, attribute string
}

func (c noSecretCheck) CheckState(_ context.Context, req statecheck.CheckStateRequest,
	resp *statecheck.CheckStateResponse) {
	values, err := attributeValues(req.State, c.address)
	if err != nil {
		resp.Error = err
		return
	}
	if values[c.attribute] != nil {
		resp.Error = fmt.Errorf("%s.%s: expected null, got a value (withheld: it may be a credential)",
			c.address, c.attribute)
		return
	}

	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	if strings.Contains(string(raw), presignedQueryMarker) {
		resp.Error = fmt.Errorf("the state holds a presigned URL (it contains %q) that nobody asked for",
			presignedQueryMarker)
	}
}

func attributeValues(state *tfjson.State, address string) (map[string]any, error) {
	if state == nil || state.Values == nil || state.Values.RootModule == nil {
		return nil, fmt.Errorf("the state is empty; expected %s in it", address)
	}
	for _, r := range state.Values.RootModule.Resources {
		if r.Address == address {
			return r.AttributeValues, nil
		}
	}
	return nil, fmt.Errorf("%s is not in the state", address)
}
