package dev.fulmar.interop.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfTreeTest {

  @Test
  void rendersNestedSectionsOneSettingPerLine() {
    ConfTree t = new ConfTree();
    t.set("connections.rw.version", "2");
    t.set("connections.rw.local.auth", "pubkey");
    t.set("pools.pool4.addrs", "10.201.0.0/24");

    assertThat(t.render()).isEqualTo("""
        connections {
          rw {
            version = 2
            local {
              auth = pubkey
            }
          }
        }
        pools {
          pool4 {
            addrs = 10.201.0.0/24
          }
        }
        """);
  }

  @Test
  void quotesValuesThatAreNotPlainWords() {
    assertThat(ConfTree.quote("aes256gcm16-prfsha384-ecp384,aes256-sha256-modp2048"))
        .isEqualTo("aes256gcm16-prfsha384-ecp384,aes256-sha256-modp2048");
    assertThat(ConfTree.quote("%any")).isEqualTo("%any");
    assertThat(ConfTree.quote("C=CH, O=Fulmar Lab")).isEqualTo("\"C=CH, O=Fulmar Lab\"");
    assertThat(ConfTree.quote("pa\"ss\\word")).isEqualTo("\"pa\\\"ss\\\\word\"");
    assertThat(ConfTree.quote("# not a comment")).isEqualTo("\"# not a comment\"");
  }

  @Test
  void refusesMultiLineValuesAndBadNames() {
    ConfTree t = new ConfTree();
    assertThatThrownBy(() -> t.set("secret", "a\nb")).hasMessageContaining("one line");
    assertThatThrownBy(() -> t.set("bad name", "x")).hasMessageContaining("bad name");
    t.set("auth", "psk");
    assertThatThrownBy(() -> t.section("auth")).hasMessageContaining("not a section");
  }
}
