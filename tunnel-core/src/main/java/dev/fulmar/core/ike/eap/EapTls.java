package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.auth.ClientCredential;
import dev.fulmar.core.ike.auth.ExpectedGateway;
import dev.fulmar.core.ike.auth.GatewayCertificateValidator;
import dev.fulmar.core.ike.eap.EapAuthenticationException.Reason;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * EAP-TLS, client side (RFC 5216; RFC 9190 for TLS 1.3): a TLS handshake with a client
 * certificate, carried in EAP fragments, on the JDK's {@link SSLEngine}.
 *
 * <pre>
 *  gateway                                   client
 *  Request/TLS (S)                      --&gt;
 *                                       &lt;--  Response/TLS ClientHello
 *  Request/TLS (L,M) ServerHello...     --&gt;
 *                                       &lt;--  Response/TLS (ack)          ... until complete
 *                                       &lt;--  Response/TLS Certificate, ClientKeyExchange,
 *                                             CertificateVerify, Finished (fragmented, L/M)
 *  Request/TLS ChangeCipherSpec,Finished--&gt;
 *                                       &lt;--  Response/TLS (empty)
 *  Success
 * </pre>
 *
 * <p>The server certificate is checked by the same rules as the gateway's IKE certificate. MSK
 * = the first 64 octets of the key material ({@link TlsKeyMaterial}). TLS 1.2 is offered on Java
 * 17-24; TLS 1.3 as well where the JDK exports keying material (Java 25+). No session is
 * resumed: each run uses a fresh SSLContext.
 */
public final class EapTls implements EapMethod {

  /** strongSwan's default EAP-TLS fragment size, which fits a 1280-byte IKE message. */
  public static final int DEFAULT_FRAGMENT_SIZE = 1024;

  private final Config config;
  private final EapTlsFragments fragments;
  private GatewayTlsTrustManager trust;
  private TlsEngineDriver driver;
  private byte[] msk;

  /**
   * What EAP-TLS needs.
   *
   * @param validator the gateway certificate rules (trust anchors, clock)
   * @param expected the profile's remote id / host that the server certificate must name
   * @param credential the client certificate and key
   * @param random randomness for TLS
   * @param fragmentSize the largest TLS payload per EAP message we send
   */
  public record Config(GatewayCertificateValidator validator, ExpectedGateway expected,
      ClientCredential credential, SecureRandom random, int fragmentSize) {}

  /** An EAP-TLS method with {@code config}. */
  public EapTls(Config config) {
    this.config = config;
    this.fragments = new EapTlsFragments(config.fragmentSize());
  }

  @Override
  public EapType type() {
    return EapType.TLS;
  }

  @Override
  public byte[] process(int identifier, byte[] td) throws EapException {
    int flags = EapTlsFragments.flags(td);
    if ((flags & EapTlsFragments.FLAG_S) != 0) {
      return start();
    }
    if (driver == null) {
      throw new EapFormatException("EAP-TLS request before the Start request");
    }
    if (fragments.sending()) {
      if (td.length != 1) {
        throw new EapFormatException("the gateway sent TLS data while we were still sending"
            + " fragments");
      }
      return fragments.nextFragment();
    }
    byte[] message = fragments.accept(td);
    if (message == null) {
      return EapTlsFragments.ack();
    }
    return respond(() -> driver.feed(message));
  }

  private byte[] start() throws EapException {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      trust = new GatewayTlsTrustManager(config.validator(), config.expected());
      ctx.init(new KeyManager[] {new CredentialKeyManager(config.credential())},
          new TrustManager[] {trust}, config.random());
      SSLEngine engine = ctx.createSSLEngine();
      engine.setUseClientMode(true);
      engine.setEnabledProtocols(TlsKeyMaterial.exporterAvailable()
          ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {"TLSv1.2"});
      driver = new TlsEngineDriver(engine);
    } catch (GeneralSecurityException e) {
      throw new EapAuthenticationException(Reason.TLS_FAILED,
          "TLS is not available: " + e.getMessage(), e);
    }
    return respond(driver::start);
  }

  private interface TlsStep {
    byte[] run() throws SSLException;
  }

  private byte[] respond(TlsStep step) throws EapException {
    byte[] out;
    try {
      out = step.run();
    } catch (SSLException | RuntimeException e) {
      throw tlsFailure(e);
    }
    if (driver.handshakeFinished() && msk == null) {
      deriveMsk();
    }
    if (out.length == 0) {
      return EapTlsFragments.ack();
    }
    fragments.send(out);
    return fragments.nextFragment();
  }

  private void deriveMsk() throws EapAuthenticationException {
    try {
      byte[] material = driver.keyMaterial();
      msk = Arrays.copyOf(material, 64);
      Arrays.fill(material, (byte) 0);
      driver.destroy();
    } catch (GeneralSecurityException e) {
      throw new EapAuthenticationException(Reason.TLS_FAILED,
          "EAP-TLS keys cannot be derived: " + e.getMessage(), e);
    }
  }

  private EapAuthenticationException tlsFailure(Exception e) {
    if (trust != null && trust.failure() != null) {
      return new EapAuthenticationException(Reason.SERVER_CERTIFICATE_REJECTED,
          "the gateway's EAP-TLS certificate was not accepted: " + trust.failure().getMessage(),
          trust.failure());
    }
    return new EapAuthenticationException(Reason.TLS_FAILED,
        "the EAP-TLS handshake failed: " + e.getMessage(), e);
  }

  /** The negotiated TLS version once the handshake ran, e.g. {@code TLSv1.2}. */
  public Optional<String> protocol() {
    return driver == null ? Optional.empty() : Optional.of(driver.protocol());
  }

  @Override
  public boolean isComplete() {
    return msk != null;
  }

  @Override
  public Optional<EapAuthenticationException> failure() {
    return Optional.empty();
  }

  @Override
  public boolean producesMsk() {
    return true;
  }

  @Override
  public Optional<byte[]> msk() {
    return msk == null ? Optional.empty() : Optional.of(msk.clone());
  }

  /** Wipes the MSK and the TLS master secret, also of a handshake that did not finish. */
  @Override
  public void destroy() {
    if (msk != null) {
      Arrays.fill(msk, (byte) 0);
    }
    if (driver != null) {
      driver.destroy();
    }
  }
}
