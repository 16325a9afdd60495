package dev.fulmar.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

class IkeIdentityTest {

  @Test
  void displaysDnsNamesEmailAndDn() {
    assertThat(IkeIdentity.fqdn("vpn.example.test")).hasToString("vpn.example.test");
    assertThat(IkeIdentity.email("alice@example.test")).hasToString("alice@example.test");
    assertThat(IkeIdentity.distinguishedName(new X500Principal("CN=gw, O=Example")))
        .hasToString("CN=gw,O=Example");
    assertThat(IkeIdentity.of(200, new byte[] {1}).describe()).isEqualTo("unknown(200):01");
  }

  @Test
  void describesAnIdentityWithItsIanaType() throws Exception {
    IkeIdentity id = IkeIdentity.address(InetAddress.getByName("192.0.2.1"));
    assertThat(id.describe()).isEqualTo("ID_IPV4_ADDR:192.0.2.1");
    assertThat(IkeIdentity.of(IkeIdentity.Type.IPV4_ADDR, new byte[] {(byte) 192, 0, 2, 1}))
        .isEqualTo(id);
  }

  @Test
  void keepsAnIdTypeItHasNoNameFor() {
    IkeIdentity id = IkeIdentity.of(200, new byte[] {1});
    assertThat(id.type()).isEqualTo(IkeIdentity.Type.OTHER);
    assertThat(id.typeCode()).isEqualTo(200);
    assertThat(id).isNotEqualTo(IkeIdentity.of(201, new byte[] {1}));
    assertThatThrownBy(() -> IkeIdentity.of(IkeIdentity.Type.OTHER, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IkeIdentity.of(256, new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
