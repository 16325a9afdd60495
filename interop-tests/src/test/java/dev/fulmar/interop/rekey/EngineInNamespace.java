package dev.fulmar.interop.rekey;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.EapMethod;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.interop.lab.GatewayConfig;
import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Pki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The engine in this JVM, talking from the lab's client namespace: its UDP sockets are opened by
 * a thread inside the namespace (they stay there), everything else is the production
 * environment. For tests that need the engine's own events or parameters the profile format does
 * not carry (short SA lifetimes); no TUN device, no data path.
 */
final class EngineInNamespace {
  private EngineInNamespace() {}

  /** Production environment with the sockets in the client namespace. */
  static SessionEnvironment environment(Lab lab) {
    SessionEnvironment system = SessionEnvironment.system();
    return SessionEnvironment.builder()
        .sockets((local, remote, receiver) -> lab.client().call(
            () -> system.sockets().open(local, remote, receiver)))
        .build();
  }

  /** EAP-MSCHAPv2 as the lab's user to the lab gateway, trusting the lab CA. */
  static IkeSessionParams.Builder params(String name, Pki pki) throws CertificateException {
    X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(
            pki.caPem().getBytes(StandardCharsets.US_ASCII)));
    return IkeSessionParams.builder().name(name).gateway(Lab.GATEWAY_IP)
        .trustAnchors(List.of(ca))
        .auth(new AuthConfig.Eap(Set.of(EapMethod.MSCHAPV2), GatewayConfig.EAP_USER,
            request -> CompletableFuture.completedFuture(
                Secret.ofChars(GatewayConfig.EAP_PASSWORD.toCharArray())), null));
  }

  /** An SPI as the gateway's SA list prints it. */
  static String hex(long spi) {
    return String.format("%016x", spi);
  }
}
