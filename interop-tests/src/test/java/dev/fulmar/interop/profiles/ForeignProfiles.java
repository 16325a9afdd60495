package dev.fulmar.interop.profiles;

import dev.fulmar.interop.lab.Credential;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Profiles for the lab gateway as other clients' admins write them: strongSwan {@code .sswan},
 * Windows ProfileXML, {@code swanctl.conf}, Shrew Soft site files and Fulmar {@code .vpn}, each
 * made in the test from the lab PKI (its CA, client certificates and PKCS#12 bundles) with the
 * settings each format really has. Apple profiles are in {@link AppleProfiles}. Secrets in the
 * files are the lab's credentials ({@link GatewayConfig}).
 */
final class ForeignProfiles {
  /** The password protecting every PKCS#12 bundle the tests make. */
  static final String P12_PASSWORD = "fulmar-lab-p12-Pa55";

  private final Pki pki;
  private final Path dir;

  /** Files go into {@code dir}, the user's downloads. */
  ForeignProfiles(Pki pki, Path dir) {
    this.pki = pki;
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** The lab CA as a PEM file beside the profiles (what an admin hands out with them). */
  Path caFile() {
    return write("fulmar-lab-ca.pem", pki.caPem());
  }

  /**
   * strongSwan's Android profile for EAP-MSCHAPv2 with the password in it (strongSwan reads
   * {@code local.shared_secret} since 2025), the CA embedded, a split tunnel to the LAN and
   * proposals the gateway lists third/second.
   */
  Path sswanEap() {
    return write("fulmar-lab-eap.sswan", """
        {
          "uuid": "6d2c7a34-51b8-4f0e-9a43-1f7c0c6b2a01",
          "name": "Lab EAP (sswan)",
          "type": "ikev2-eap",
          "remote": { "addr": "%s", "id": "%s", "cert": "%s" },
          "local": { "eap_id": "%s", "shared_secret": "%s" },
          "ike-proposal": "aes128gcm16-prfsha256-curve25519",
          "esp-proposal": "chacha20poly1305",
          "split-tunneling": { "subnets": "%s", "block-ipv6": true },
          "dns-servers": "%s",
          "mtu": 1400,
          "nat-keepalive": 25
        }
        """.formatted(Lab.GATEWAY_IP, Lab.GATEWAY_NAME, caBase64(), GatewayConfig.EAP_USER,
        GatewayConfig.EAP_PASSWORD, Lab.LAN_SUBNET, Lab.PUSHED_DNS));
  }

  /**
   * strongSwan's profile for certificate authentication with the PKCS#12 embedded ({@code
   * local.p12}); the format has no field for its password, so the user types it.
   */
  Path sswanCertificate(Credential client) {
    String p12 = Base64.getEncoder().encodeToString(client.pkcs12(P12_PASSWORD.toCharArray()));
    return write("fulmar-lab-cert.sswan", """
        {
          "uuid": "6d2c7a34-51b8-4f0e-9a43-1f7c0c6b2a02",
          "name": "Lab certificate (sswan)",
          "type": "ikev2-cert",
          "remote": { "addr": "%s", "id": "%s", "cert": "%s", "certreq": true },
          "local": { "id": "%s", "p12": "%s" },
          "ike-proposal": "chacha20poly1305-prfsha256-curve25519",
          "esp-proposal": "aes128gcm16"
        }
        """.formatted(Lab.GATEWAY_IP, Lab.GATEWAY_NAME, caBase64(), client.identity(), p12));
  }

  /**
   * A Fulmar profile that references its CA and PKCS#12 files next to it (relative paths) and
   * carries the PKCS#12 password for the keychain.
   */
  Path fulmarCertificate(Credential client) {
    client.writePkcs12(dir.resolve("frank.p12"), P12_PASSWORD.toCharArray());
    caFile();
    return write("fulmar-lab-cert.vpn", """
        {
          "format": "fulmar-profile",
          "version": 1,
          "name": "Lab certificate (vpn)",
          "gateway": { "host": "%s" },
          "localId": "%s",
          "remoteId": "%s",
          "trust": { "caCertificates": [ { "path": "fulmar-lab-ca.pem" } ] },
          "auth": {
            "method": "certificate",
            "pkcs12": { "path": "frank.p12" },
            "pkcs12Password": "%s"
          },
          "proposals": { "ike": [ "aes256-sha256-modp2048" ], "esp": [ "aes256-sha256" ] },
          "tunnel": { "mode": "split", "include": [ "%s" ] }
        }
        """.formatted(Lab.GATEWAY_IP, client.identity(), Lab.GATEWAY_NAME, P12_PASSWORD,
        Lab.LAN_SUBNET));
  }

  /**
   * A Windows Always On VPN ProfileXML as Intune deploys it: EAP-MSCHAPv2 (type 26), the root CA
   * by SHA-1 thumbprint, a custom cryptography suite, split tunnel with one route and NRPT.
   */
  Path profileXml() {
    return write("fulmar-lab-aovpn.xml", """
        <VPNProfile>
          <ProfileName>Lab Always On (ProfileXML)</ProfileName>
          <RememberCredentials>true</RememberCredentials>
          <AlwaysOn>false</AlwaysOn>
          <DnsSuffix>corp.fulmar.test</DnsSuffix>
          <NativeProfile>
            <Servers>%s</Servers>
            <NativeProtocolType>IKEv2</NativeProtocolType>
            <RoutingPolicyType>SplitTunnel</RoutingPolicyType>
            <DisableClassBasedDefaultRoute>true</DisableClassBasedDefaultRoute>
            <CryptographySuite>
              <AuthenticationTransformConstants>GCMAES256</AuthenticationTransformConstants>
              <CipherTransformConstants>GCMAES256</CipherTransformConstants>
              <EncryptionMethod>AES256</EncryptionMethod>
              <IntegrityCheckMethod>SHA256</IntegrityCheckMethod>
              <DHGroup>Group14</DHGroup>
              <PfsGroup>None</PfsGroup>
            </CryptographySuite>
            <Authentication>
              <UserMethod>Eap</UserMethod>
              <Eap><Configuration>
                <EapHostConfig xmlns="http://www.microsoft.com/provisioning/EapHostConfig">
                  <EapMethod>
                    <Type xmlns="http://www.microsoft.com/provisioning/EapCommon">26</Type>
                    <VendorId xmlns="http://www.microsoft.com/provisioning/EapCommon">0</VendorId>
                    <VendorType xmlns="http://www.microsoft.com/provisioning/EapCommon">0</VendorType>
                    <AuthorId xmlns="http://www.microsoft.com/provisioning/EapCommon">0</AuthorId>
                  </EapMethod>
                  <Config xmlns="http://www.microsoft.com/provisioning/EapHostConfig">
                    <Eap xmlns="http://www.microsoft.com/provisioning/BaseEapConnectionPropertiesV1">
                      <Type>26</Type>
                      <EapType xmlns="http://www.microsoft.com/provisioning/MsChapV2ConnectionPropertiesV1">
                        <UseWinLogonCredentials>false</UseWinLogonCredentials>
                      </EapType>
                    </Eap>
                  </Config>
                  <TrustedRootCA>%s</TrustedRootCA>
                </EapHostConfig>
              </Configuration></Eap>
            </Authentication>
          </NativeProfile>
          <Route><Address>%s</Address><PrefixSize>%s</PrefixSize></Route>
          <DomainNameInformation>
            <DomainName>.corp.fulmar.test</DomainName>
            <DnsServers>%s</DnsServers>
          </DomainNameInformation>
        </VPNProfile>
        """.formatted(Lab.GATEWAY_IP, caThumbprint(), Lab.LAN_SUBNET.split("/")[0],
        Lab.LAN_SUBNET.split("/")[1], Lab.PUSHED_DNS));
  }

  /**
   * A strongSwan client's {@code swanctl.conf}: EAP-MSCHAPv2, the CA by absolute path, a split
   * child, and the EAP secret in the {@code secrets} section.
   */
  Path swanctl() {
    Path ca = caFile();
    return write("swanctl.conf", """
        # Fulmar lab road warrior
        connections {
          fulmar-lab {
            version = 2
            remote_addrs = %s
            vips = 0.0.0.0
            proposals = chacha20poly1305-prfsha256-curve25519
            dpd_delay = 60s
            local {
              auth = eap-mschapv2
              eap_id = %s
            }
            remote {
              auth = pubkey
              id = %s
              cacerts = %s
            }
            children {
              lan {
                remote_ts = %s
                esp_proposals = aes128gcm16
                start_action = none
                dpd_action = restart
              }
            }
          }
        }
        secrets {
          eap-alice {
            id = %s
            secret = "%s"
          }
        }
        """.formatted(Lab.GATEWAY_IP, GatewayConfig.EAP_USER, Lab.GATEWAY_NAME, ca,
        Lab.LAN_SUBNET, GatewayConfig.EAP_USER, GatewayConfig.EAP_PASSWORD));
  }

  /**
   * A Shrew Soft site file for "hybrid RSA + XAuth": the gateway proves itself with its
   * certificate (the CA file's content embedded, as Shrew saves it), the user with a password.
   */
  Path shrewHybridXauth() {
    String ca = Base64.getEncoder().encodeToString(pki.caPem().getBytes(StandardCharsets.US_ASCII));
    return write("fulmar-lab-xauth.vpn", shrewHead() + """
        s:auth-method:hybrid-rsa-xauth
        s:ident-client-type:address
        s:ident-server-type:fqdn
        s:ident-server-data:%s
        s:auth-server-cert-name:fulmar-lab-ca.pem
        b:auth-server-cert-data:%s
        s:client-saved-username:%s
        """.formatted(Lab.GATEWAY_NAME, ca, GatewayConfig.EAP_USER) + shrewCrypto());
  }

  /** A Shrew Soft site file for "mutual PSK": user@FQDN identity and the group key inside. */
  Path shrewMutualPsk() {
    String psk = Base64.getEncoder().encodeToString(
        GatewayConfig.PSK.getBytes(StandardCharsets.UTF_8));
    return write("fulmar-lab-psk.vpn", shrewHead() + """
        s:auth-method:mutual-psk
        s:ident-client-type:ufqdn
        s:ident-client-data:%s
        s:ident-server-type:fqdn
        s:ident-server-data:%s
        b:auth-mutual-psk:%s
        """.formatted(GatewayConfig.PSK_USER, Lab.GATEWAY_NAME, psk) + shrewCrypto());
  }

  private static String shrewHead() {
    return """
        n:version:4
        n:network-ike-port:500
        n:network-mtu-size:1380
        n:client-addr-auto:1
        n:network-natt-port:4500
        n:network-natt-rate:15
        n:network-frag-size:540
        n:network-dpd-enable:1
        n:client-banner-enable:0
        n:network-notify-enable:1
        n:client-dns-used:1
        n:client-dns-auto:1
        n:client-dns-suffix-auto:1
        n:client-splitdns-used:1
        n:client-splitdns-auto:1
        n:client-wins-used:0
        s:network-host:%s
        s:client-auto-mode:pull
        s:client-iface:virtual
        s:network-natt-mode:enable
        s:network-frag-mode:enable
        """.formatted(Lab.GATEWAY_IP);
  }

  /** IKEv1 phase 1 / phase 2 as Shrew writes them: AES-256, SHA2-256, group 14, no PFS. */
  private static String shrewCrypto() {
    return """
        s:phase1-exchange:main
        s:phase1-cipher:aes
        n:phase1-keylen:256
        s:phase1-hash:sha2-256
        n:phase1-dhgroup:14
        n:phase1-life-secs:86400
        n:phase1-life-kbytes:0
        n:vendor-chkpt-enable:0
        s:phase2-transform:esp-aes
        n:phase2-keylen:256
        s:phase2-hmac:sha2-256
        n:phase2-pfsgroup:-1
        n:phase2-life-secs:3600
        n:phase2-life-kbytes:0
        s:ipcomp-transform:disabled
        s:policy-level:auto
        n:policy-nailed:0
        n:policy-list-auto:0
        s:policy-list-include:%s / 255.255.255.0
        """.formatted(Lab.LAN_SUBNET.split("/")[0]);
  }

  private String caBase64() {
    try {
      return Base64.getEncoder().encodeToString(pki.caCert().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CA's SHA-1 thumbprint the way Windows shows it (hex pairs separated by spaces). */
  private String caThumbprint() {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(pki.caCert().getEncoded());
      return HexFormat.ofDelimiter(" ").formatHex(sha1);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
