package dev.fulmar.core.ike.eap;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.KeyGenerator;
import javax.crypto.KeyGeneratorSpi;
import javax.crypto.SecretKey;

/**
 * Reads the TLS 1.2 master secret that the JDK's SSLEngine derives, for the EAP-TLS key
 * material on Java runtimes without the keying-material exporter (before Java 25).
 *
 * <p>The JDK's TLS code obtains its master secret from {@code
 * KeyGenerator.getInstance("SunTls12MasterSecret")} (or {@code SunTlsExtendedMasterSecret} with
 * the extended master secret extension, {@code SunTlsMasterSecret} for TLS 1.0/1.1), naming no
 * provider. This class registers a provider first in the provider list that serves exactly these
 * three names by delegating to SunJCE, so every TLS connection in the process behaves as before;
 * while a thread has armed a {@link Capture}, the master secret made on that thread is also
 * handed to it. EAP-TLS drives its SSLEngine (including delegated tasks) on the caller's thread,
 * so the secret of exactly that handshake is captured.
 *
 * <p>Limits: this relies on the JDK's internal algorithm names (stable since Java 8, still used
 * by Java 17-24) and on an unsigned JCE provider being accepted (OpenJDK builds accept it; Oracle's
 * JDK requires signed providers). Where the runtime has {@code
 * ExtendedSSLSession.exportKeyingMaterialData} (Java 25+), {@link TlsKeyMaterial} uses that
 * supported API instead.
 */
final class MasterSecretCapture {

  static final String PROVIDER_NAME = "FulmarTlsMasterSecret";
  private static final ThreadLocal<Capture> ARMED = new ThreadLocal<>();
  private static boolean installed;

  private MasterSecretCapture() {}

  /** Registers the provider once (first position). */
  static synchronized void install() {
    if (installed || Security.getProvider(PROVIDER_NAME) != null) {
      installed = true;
      return;
    }
    Security.insertProviderAt(new CaptureProvider(), 1);
    installed = true;
  }

  /** Starts capturing on this thread; close it to stop. */
  static Capture arm() {
    install();
    Capture c = new Capture();
    ARMED.set(c);
    return c;
  }

  /** A master secret captured on one thread. */
  static final class Capture implements AutoCloseable {
    private byte[] secret;

    /** The last master secret made while armed, or {@code null}. */
    byte[] secret() {
      return secret == null ? null : secret.clone();
    }

    @Override
    public void close() {
      if (ARMED.get() == this) {
        ARMED.remove();
      }
    }
  }

  private static final class CaptureProvider extends Provider {
    private static final long serialVersionUID = 1L;

    CaptureProvider() {
      super(PROVIDER_NAME, "1.0", "Delegates the TLS master secret generators to SunJCE and"
          + " lets EAP-TLS read its own master secret");
      put("KeyGenerator.SunTls12MasterSecret", Tls12.class.getName());
      put("KeyGenerator.SunTlsExtendedMasterSecret", Extended.class.getName());
      put("KeyGenerator.SunTlsMasterSecret", Legacy.class.getName());
    }
  }

  /** Delegates to SunJCE and copies the result to the thread's armed capture. */
  abstract static class Delegating extends KeyGeneratorSpi {
    private final KeyGenerator delegate;

    Delegating(String algorithm) throws NoSuchAlgorithmException, NoSuchProviderException {
      this.delegate = KeyGenerator.getInstance(algorithm, "SunJCE");
    }

    @Override
    protected void engineInit(SecureRandom random) {
      delegate.init(random);
    }

    @Override
    protected void engineInit(AlgorithmParameterSpec params, SecureRandom random)
        throws InvalidAlgorithmParameterException {
      delegate.init(params, random);
    }

    @Override
    protected void engineInit(int keysize, SecureRandom random) {
      delegate.init(keysize, random);
    }

    @Override
    protected SecretKey engineGenerateKey() {
      SecretKey key = delegate.generateKey();
      Capture c = ARMED.get();
      if (c != null) {
        c.secret = key.getEncoded();
      }
      return key;
    }
  }

  /** SunTls12MasterSecret. */
  public static final class Tls12 extends Delegating {
    /** Instantiated by the JCA. */
    public Tls12() throws NoSuchAlgorithmException, NoSuchProviderException {
      super("SunTls12MasterSecret");
    }
  }

  /** SunTlsExtendedMasterSecret. */
  public static final class Extended extends Delegating {
    /** Instantiated by the JCA. */
    public Extended() throws NoSuchAlgorithmException, NoSuchProviderException {
      super("SunTlsExtendedMasterSecret");
    }
  }

  /** SunTlsMasterSecret. */
  public static final class Legacy extends Delegating {
    /** Instantiated by the JCA. */
    public Legacy() throws NoSuchAlgorithmException, NoSuchProviderException {
      super("SunTlsMasterSecret");
    }
  }
}
