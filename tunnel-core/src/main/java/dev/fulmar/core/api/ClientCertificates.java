package dev.fulmar.core.api;

import dev.fulmar.core.ike.auth.ClientCredential;
import dev.fulmar.core.ike.auth.CredentialException;

/**
 * Loads the client's certificate and key for {@link AuthConfig.Certificate} (and EAP-TLS) from a
 * PKCS#12 file, with an error that says what is wrong (wrong password, no key, unsupported key)
 * instead of a keystore stack trace.
 */
public final class ClientCertificates {
  private ClientCertificates() {}

  /**
   * Reads the first private key entry of a PKCS#12 file and its chain.
   *
   * @param name how the file is named in messages (its path or the profile field)
   * @param password the file's password; the caller wipes it afterwards
   * @throws IkeSessionException {@link ErrorCode#CLIENT_CERTIFICATE_UNUSABLE} at {@link
   *     FailureStep#PREPARE}
   */
  public static AuthConfig.Certificate fromPkcs12(String name, byte[] content, char[] password)
      throws IkeSessionException {
    try {
      ClientCredential c = ClientCredential.loadPkcs12(content, password);
      return new AuthConfig.Certificate(c.chain(), c.privateKey());
    } catch (CredentialException e) {
      throw new IkeSessionException(IkeFailure.of(FailureStep.PREPARE,
          ErrorCode.CLIENT_CERTIFICATE_UNUSABLE, "file", name, "detail", e.getMessage()), e);
    }
  }
}
