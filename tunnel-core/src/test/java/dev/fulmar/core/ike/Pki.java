package dev.fulmar.core.ike;

import dev.fulmar.core.ike.auth.TestPki;
import dev.fulmar.core.ike.auth.TestPki.KeyKind;

/**
 * The certificates of the exchange tests, made once per JVM with {@link TestPki}: a CA, the
 * gateway (vpn.example.test and 192.0.2.1 in its SAN), client certificates with RSA and ECDSA keys,
 * and a gateway certificate from a CA the client does not trust.
 */
public final class Pki {
  public static final TestPki.Issued CA = TestPki.ca("C=CH, O=Fulmar Test, CN=Fulmar Test CA",
      KeyKind.EC_P256);
  public static final TestPki.Issued GATEWAY = TestPki.cert("C=CH, O=Fulmar Test, CN=vpn.example.test")
      .key(KeyKind.RSA_2048).dns("vpn.example.test").ip("192.0.2.1").serverAuth().ikeIntermediate()
      .issuedBy(CA);
  /** A gateway with a 3072-bit RSA key: its IKE_AUTH answer needs fragments. */
  public static final TestPki.Issued GATEWAY_3072 =
      TestPki.cert("C=CH, O=Fulmar Test, CN=vpn.example.test").key(KeyKind.RSA_3072)
          .dns("vpn.example.test").ip("192.0.2.1").serverAuth().issuedBy(CA);
  public static final TestPki.Issued CLIENT_RSA = TestPki.cert("C=CH, O=Fulmar Test, CN=alice")
      .key(KeyKind.RSA_2048).email("alice@example.test").clientAuth().issuedBy(CA);
  public static final TestPki.Issued CLIENT_ECDSA = TestPki.cert("C=CH, O=Fulmar Test, CN=bob")
      .key(KeyKind.EC_P256).email("bob@example.test").clientAuth().issuedBy(CA);
  public static final TestPki.Issued OTHER_CA = TestPki.ca("C=XX, O=Elsewhere, CN=Other CA",
      KeyKind.EC_P256);
  public static final TestPki.Issued ROGUE_GATEWAY =
      TestPki.cert("C=XX, O=Elsewhere, CN=vpn.example.test").key(TestPki.otherKeyPair(
          KeyKind.RSA_2048)).dns("vpn.example.test").serverAuth().issuedBy(OTHER_CA);
  public static final TestPki.Issued OTHER_NAME_GATEWAY =
      TestPki.cert("C=CH, O=Fulmar Test, CN=other.example.test").key(KeyKind.RSA_2048)
          .dns("other.example.test").serverAuth().issuedBy(CA);

  private Pki() {}
}
