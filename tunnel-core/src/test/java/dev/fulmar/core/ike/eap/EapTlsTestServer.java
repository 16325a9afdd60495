package dev.fulmar.core.ike.eap;

import dev.fulmar.core.ike.auth.TestPki.Issued;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A minimal EAP-TLS server for tests: the gateway's side of RFC 5216 on a JDK SSLEngine in
 * server mode that requires a client certificate issued by {@code clientCa}. It fragments its
 * own messages at {@code fragmentSize}, acknowledges ours, and ends with EAP-Success. Its MSK is
 * derived by the same mechanism as the client's ({@link TlsEngineDriver#keyMaterial()}).
 */
final class EapTlsTestServer {

  private final TlsEngineDriver driver;
  private final EapTlsFragments fragments;
  private int identifier = 1;
  private byte[] msk;
  private X509Certificate[] clientChain;

  EapTlsTestServer(Issued server, List<X509Certificate> chain, Issued clientCa,
      int fragmentSize) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("server", server.privateKey(), new char[0],
        chain.toArray(new Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), new TrustManager[] {new ClientTrust(clientCa)}, null);
    SSLEngine engine = ctx.createSSLEngine();
    engine.setUseClientMode(false);
    engine.setNeedClientAuth(true);
    this.driver = new TlsEngineDriver(engine);
    this.fragments = new EapTlsFragments(fragmentSize);
  }

  /** EAP-Request/TLS with the Start flag. */
  byte[] start() {
    return new EapPacket(EapPacket.REQUEST, identifier, EapType.TLS,
        new byte[] {(byte) EapTlsFragments.FLAG_S}).encode();
  }

  /** Handles the client's EAP-Response and returns the next EAP message. */
  byte[] handle(byte[] response) throws Exception {
    EapPacket p = EapPacket.decode(response);
    if (p.code() != EapPacket.RESPONSE || !EapType.TLS.equals(p.type())
        || p.identifier() != identifier) {
      throw new IllegalStateException("unexpected " + p);
    }
    identifier = (identifier + 1) & 0xff;
    if (fragments.sending()) {
      return request(fragments.nextFragment());
    }
    byte[] message = fragments.accept(p.typeData());
    if (message == null) {
      return request(EapTlsFragments.ack());
    }
    byte[] out = message.length == 0 && driver.handshakeFinished()
        ? new byte[0] : driver.feed(message);
    if (out.length > 0) {
      fragments.send(out);
      return request(fragments.nextFragment());
    }
    if (driver.handshakeFinished()) {
      msk = Arrays.copyOf(driver.keyMaterial(), 64);
      return new EapPacket(EapPacket.SUCCESS, identifier, null, null).encode();
    }
    throw new IllegalStateException("server has nothing to send and is not finished");
  }

  private byte[] request(byte[] td) {
    return new EapPacket(EapPacket.REQUEST, identifier, EapType.TLS, td).encode();
  }

  byte[] msk() {
    return msk;
  }

  X509Certificate[] clientChain() {
    return clientChain;
  }

  String protocol() {
    return driver.protocol();
  }

  /** Accepts client chains whose first certificate the client CA signed. */
  private final class ClientTrust extends X509ExtendedTrustManager {
    private final Issued ca;

    ClientTrust(Issued ca) {
      this.ca = ca;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      try {
        chain[0].verify(ca.certificate().getPublicKey());
        clientChain = chain.clone();
      } catch (Exception e) {
        throw new CertificateException("client certificate not issued by the test CA", e);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e)
        throws CertificateException {
      check(c);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, Socket s)
        throws CertificateException {
      check(c);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException {
      check(c);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e)
        throws CertificateException {
      throw new CertificateException("server side");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, Socket s)
        throws CertificateException {
      throw new CertificateException("server side");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
      throw new CertificateException("server side");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[] {ca.certificate()};
    }
  }
}
