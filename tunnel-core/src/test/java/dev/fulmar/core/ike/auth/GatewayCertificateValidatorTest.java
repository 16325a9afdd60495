package dev.fulmar.core.ike.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.ike.auth.GatewayAuthException.Reason;
import dev.fulmar.core.ike.auth.TestPki.Issued;
import dev.fulmar.core.ike.auth.TestPki.KeyKind;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class GatewayCertificateValidatorTest {

  private static final Issued CA = TestPki.ca("Fulmar Test Root", KeyKind.EC_P384);
  private static final Issued GATEWAY = TestPki.cert("CN=vpn.example.test,O=Example")
      .key(KeyKind.RSA_2048).dns("vpn.example.test").ip("192.0.2.1").email("vpn@example.test")
      .serverAuth().ikeIntermediate().keyUsage(KeyUsage.digitalSignature).issuedBy(CA);

  private final GatewayCertificateValidator validator =
      new GatewayCertificateValidator(TrustAnchors.of(List.of(CA.certificate())), TestPki.CLOCK);

  private static ExpectedGateway host(String host) {
    return new ExpectedGateway(null, host);
  }

  private static GatewayAuthException failure(ThrowingCall call) {
    try {
      call.run();
    } catch (GatewayAuthException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("unexpected " + e, e);
    }
    throw new AssertionError("validation passed");
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void acceptsGatewayNamedByDnsSanWhenProfileUsesDnsName() throws Exception {
    X509Certificate ee = validator.validate(List.of(GATEWAY.certificate()),
        host("VPN.example.test."), IkeIdentity.fqdn("vpn.example.test"));
    assertThat(ee).isEqualTo(GATEWAY.certificate());
  }

  @Test
  void acceptsGatewayNamedByIpSanWhenProfileUsesAddress() throws Exception {
    validator.validate(List.of(GATEWAY.certificate()), host("192.0.2.1"),
        IkeIdentity.address(InetAddress.getByName("192.0.2.1")));
  }

  @Test
  void namesBothNamesWhenCertificateDoesNotNameTheAddress() {
    Issued dnsOnly = TestPki.cert("CN=vpn.example.test").key(KeyKind.EC_P256)
        .dns("vpn.example.test").serverAuth().issuedBy(CA);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(dnsOnly.certificate()), host("192.0.2.1"), null));
    assertThat(e.reason()).isEqualTo(Reason.NAME_MISMATCH);
    assertThat(e.getMessage()).isEqualTo("the gateway's certificate names vpn.example.test, but"
        + " the profile connects to 192.0.2.1: set remote id or use the DNS name");
    assertThat(e.certifiedNames()).contains("vpn.example.test");
    assertThat(e.expectedName()).contains("192.0.2.1");
  }

  @Test
  void remoteIdTakesPrecedenceOverTheHost() throws Exception {
    Issued dnsOnly = TestPki.cert("CN=vpn.example.test").key(KeyKind.EC_P256)
        .dns("vpn.example.test").serverAuth().issuedBy(CA);
    validator.validate(List.of(dnsOnly.certificate()),
        new ExpectedGateway(IkeIdentity.fqdn("vpn.example.test"), "192.0.2.1"), null);
  }

  @Test
  void rejectsRemoteIdTheCertificateDoesNotHold() {
    GatewayAuthException e = failure(() -> validator.validate(List.of(GATEWAY.certificate()),
        new ExpectedGateway(IkeIdentity.fqdn("other.example.test"), "vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.NAME_MISMATCH);
    assertThat(e.getMessage()).contains("remote id is other.example.test");
  }

  @Test
  void matchesRemoteIdsOfEveryType() throws Exception {
    List<IkeIdentity> ids = List.of(
        IkeIdentity.email("VPN@example.test"),
        IkeIdentity.distinguishedName(new X500Principal("CN=vpn.example.test, O=Example")),
        IkeIdentity.address(InetAddress.getByName("192.0.2.1")),
        IkeIdentity.keyId(java.security.MessageDigest.getInstance("SHA-1").digest(
            org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                GATEWAY.certificate().getPublicKey().getEncoded()).getPublicKeyData().getBytes())));
    for (IkeIdentity id : ids) {
      validator.validate(List.of(GATEWAY.certificate()), new ExpectedGateway(id, "x"), id);
    }
  }

  @Test
  void matchesIpv6Addresses() throws Exception {
    Issued v6 = TestPki.cert("CN=gw6").key(KeyKind.EC_P256).ip("2001:db8::1").issuedBy(CA);
    validator.validate(List.of(v6.certificate()), host("[2001:DB8:0::1]"),
        IkeIdentity.address(InetAddress.getByName("2001:db8::1")));
  }

  @Test
  void rejectsIdrTheCertificateDoesNotHold() {
    GatewayAuthException e = failure(() -> validator.validate(List.of(GATEWAY.certificate()),
        host("vpn.example.test"), IkeIdentity.fqdn("evil.example.test")));
    assertThat(e.reason()).isEqualTo(Reason.NAME_MISMATCH);
    assertThat(e.getMessage()).startsWith("the gateway identified itself as evil.example.test");
  }

  @Test
  void reportsUnknownCaWithChainAndFingerprint() {
    Issued otherCa = TestPki.ca("Someone Else", KeyKind.EC_P256);
    Issued foreign = TestPki.cert("CN=vpn.example.test").key(KeyKind.EC_P256)
        .dns("vpn.example.test").issuedBy(otherCa);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(foreign.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CA);
    assertThat(e.chainSubjects()).containsExactly("CN=vpn.example.test");
    assertThat(e.endEntitySha256()).contains(
        GatewayCertificateValidator.sha256(foreign.certificate()));
    assertThat(e.endEntitySha256().get()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(e.getMessage()).contains("CN=Someone Else,O=Fulmar Test")
        .contains("the profile's CA certificate");
  }

  @Test
  void buildsPathThroughIntermediateSentInAnyOrderWithRoot() throws Exception {
    Issued intermediate = TestPki.cert("CN=Intermediate").key(KeyKind.EC_P256).ca()
        .issuedBy(CA);
    Issued leaf = TestPki.cert("CN=leaf").key(KeyKind.RSA_2048).dns("vpn.example.test")
        .serverAuth().issuedBy(intermediate);
    validator.validate(List.of(leaf.certificate(), CA.certificate(),
        intermediate.certificate()), host("vpn.example.test"), null);
  }

  @Test
  void rejectsChainWhoseIntermediateIsMissing() {
    Issued intermediate = TestPki.cert("CN=Intermediate").key(KeyKind.EC_P256).ca()
        .issuedBy(CA);
    Issued leaf = TestPki.cert("CN=leaf").dns("vpn.example.test").issuedBy(intermediate);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(leaf.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CA);
  }

  @Test
  void rejectsIntermediateThatIsNotACa() {
    Issued notCa = TestPki.cert("CN=Not a CA").key(KeyKind.EC_P256).issuedBy(CA);
    Issued leaf = TestPki.cert("CN=leaf").key(KeyKind.EC_P384).dns("vpn.example.test")
        .issuedBy(notCa);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(leaf.certificate(), notCa.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_CHAIN);
  }

  @Test
  void reportsExpiryWithDates() {
    Instant from = TestPki.NOW.minus(Duration.ofDays(400));
    Instant to = TestPki.NOW.minus(Duration.ofDays(35));
    Issued expired = TestPki.cert("CN=old").dns("vpn.example.test").validity(from, to)
        .issuedBy(CA);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(expired.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
    assertThat(e.notAfter()).contains(to);
    assertThat(e.notBefore()).contains(from);
    assertThat(e.getMessage()).contains("CN=old expired on " + to);
  }

  @Test
  void reportsNotYetValid() {
    Issued future = TestPki.cert("CN=future").dns("vpn.example.test")
        .validity(TestPki.NOW.plus(Duration.ofDays(2)), TestPki.NOW.plus(Duration.ofDays(90)))
        .issuedBy(CA);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(future.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(e.fix()).contains("clock");
  }

  @Test
  void acceptsAnyEkuOrNone() throws Exception {
    for (Issued ok : List.of(
        TestPki.cert("CN=any").dns("vpn.example.test").eku("2.5.29.37.0").issuedBy(CA),
        TestPki.cert("CN=none").dns("vpn.example.test").issuedBy(CA),
        TestPki.cert("CN=ike").dns("vpn.example.test").ikeIntermediate().issuedBy(CA))) {
      validator.validate(List.of(ok.certificate()), host("vpn.example.test"), null);
    }
  }

  @Test
  void rejectsClientOnlyEku() {
    Issued client = TestPki.cert("CN=client").dns("vpn.example.test").clientAuth().issuedBy(CA);
    GatewayAuthException e = failure(() -> validator.validate(
        List.of(client.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.WRONG_KEY_USAGE);
    assertThat(e.getMessage()).contains("1.3.6.1.5.5.7.3.2");
  }

  @Test
  void rejectsKeyUsageWithoutDigitalSignature() {
    Issued enc = TestPki.cert("CN=enc").dns("vpn.example.test")
        .keyUsage(KeyUsage.keyEncipherment).issuedBy(CA);
    assertThat(failure(() -> validator.validate(List.of(enc.certificate()),
        host("vpn.example.test"), null)).reason()).isEqualTo(Reason.WRONG_KEY_USAGE);
  }

  @Test
  void refusesSha1SignedCertificateNamingSha1() {
    Issued rsaCa = TestPki.ca("RSA Root", KeyKind.RSA_2048);
    Issued sha1 = TestPki.cert("CN=sha1").dns("vpn.example.test")
        .signatureAlgorithm("SHA1withRSA").issuedBy(rsaCa);
    GatewayCertificateValidator v = new GatewayCertificateValidator(
        TrustAnchors.of(List.of(rsaCa.certificate())), TestPki.CLOCK);
    GatewayAuthException e = failure(() -> v.validate(
        List.of(sha1.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.WEAK_ALGORITHM);
    assertThat(e.getMessage()).contains("SHA-1");
  }

  @Test
  void reportsMissingAndMalformedCertificates() {
    assertThat(failure(() -> validator.validate(List.of(), host("x"), null)).reason())
        .isEqualTo(Reason.NO_CERTIFICATE);
    GatewayAuthException e = failure(() -> GatewayCertificateValidator.parse(
        List.of(new byte[] {0x30, 0x03, 1, 2, 3})));
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e.getMessage()).contains("certificate 1");
  }

  @Test
  void parsesDerCertificatesFromCertPayloads() throws Exception {
    assertThat(GatewayCertificateValidator.parse(List.of(GATEWAY.certificate().getEncoded())))
        .containsExactly(GATEWAY.certificate());
  }

  @Test
  void systemTrustStoreDoesNotTrustOurTestCa() throws Exception {
    TrustAnchors system = TrustAnchors.system();
    assertThat(system.certificates()).hasSizeGreaterThan(10);
    GatewayCertificateValidator v = new GatewayCertificateValidator(system, TestPki.CLOCK);
    GatewayAuthException e = failure(() -> v.validate(
        List.of(GATEWAY.certificate()), host("vpn.example.test"), null));
    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CA);
    assertThat(e.getMessage()).contains("the system trust store");
  }
}
