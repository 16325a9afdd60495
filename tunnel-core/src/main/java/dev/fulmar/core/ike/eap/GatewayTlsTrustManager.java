package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.auth.ExpectedGateway;
import dev.fulmar.core.ike.auth.GatewayAuthException;
import dev.fulmar.core.ike.auth.GatewayCertificateValidator;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the EAP-TLS server's certificate with the same rules as the gateway's IKE certificate
 * ({@link GatewayCertificateValidator}: PKIX against the profile's CA or the system store, EKU,
 * the profile's remote id or host) and keeps the typed failure for the EAP method to report.
 * Being an {@link X509ExtendedTrustManager}, it replaces JSSE's own checks rather than adding
 * to them.
 */
final class GatewayTlsTrustManager extends X509ExtendedTrustManager {

  private final GatewayCertificateValidator validator;
  private final ExpectedGateway expected;
  private GatewayAuthException failure;

  GatewayTlsTrustManager(GatewayCertificateValidator validator, ExpectedGateway expected) {
    this.validator = validator;
    this.expected = expected;
  }

  /** The last rejection, if the server's certificate was refused. */
  GatewayAuthException failure() {
    return failure;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    try {
      validator.validate(List.of(chain), expected, null);
    } catch (GatewayAuthException e) {
      failure = e;
      throw new CertificateException(e.getMessage(), e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("EAP-TLS client does not accept clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("EAP-TLS client does not accept clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("EAP-TLS client does not accept clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
