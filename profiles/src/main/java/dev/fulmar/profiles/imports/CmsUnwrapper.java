package dev.fulmar.profiles.imports;

import java.security.cert.X509Certificate;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Signed configuration profiles are CMS SignedData (RFC 5652) around the plist. This verifies each
 * signature with the certificate carried in the message and returns the content and the signer; a
 * signature that does not verify means the file was changed after signing.
 */
final class CmsUnwrapper {

  /** DER of the OID 1.2.840.113549.1.7.2 (id-signedData). */
  private static final byte[] SIGNED_DATA_OID = {
    0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x02
  };

  /** The verified content and who signed it. */
  record Unwrapped(byte[] content, String signer, String issuer) {}

  /** Thrown for a malformed or unverifiable signature, with the reason in plain words. */
  static final class BadSignature extends Exception {
    private static final long serialVersionUID = 1L;

    BadSignature(String message) {
      super(message);
    }
  }

  private CmsUnwrapper() {}

  /** True when the bytes start like a DER ContentInfo of type signedData. */
  static boolean looksSigned(byte[] data) {
    if (data.length < 16 || data[0] != 0x30) {
      return false;
    }
    int limit = Math.min(data.length - SIGNED_DATA_OID.length, 24);
    for (int i = 1; i <= limit; i++) {
      if (java.util.Arrays.equals(
          data, i, i + SIGNED_DATA_OID.length, SIGNED_DATA_OID, 0, SIGNED_DATA_OID.length)) {
        return true;
      }
    }
    return false;
  }

  static Unwrapped unwrap(byte[] der) throws BadSignature {
    try {
      CMSSignedData signed = new CMSSignedData(der);
      if (signed.getSignedContent() == null) {
        throw new BadSignature("the signature is detached: the profile itself is not in the file");
      }
      byte[] content = (byte[]) signed.getSignedContent().getContent();
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.isEmpty()) {
        throw new BadSignature("the file is signed by nobody (no signer information)");
      }
      @SuppressWarnings("unchecked")
      Store<X509CertificateHolder> certs = signed.getCertificates();
      String who = null;
      String issuer = null;
      for (SignerInformation si : signers) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> match = certs.getMatches(si.getSID());
        if (match.isEmpty()) {
          throw new BadSignature(
              "the signer's certificate is not in the file, so the signature cannot be checked");
        }
        X509Certificate cert =
            new JcaX509CertificateConverter().getCertificate(match.iterator().next());
        if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
          throw new BadSignature(
              "the signature does not match the content: the file was changed after it was signed");
        }
        who = cert.getSubjectX500Principal().getName();
        issuer = cert.getIssuerX500Principal().getName();
      }
      return new Unwrapped(content, who, issuer);
    } catch (CMSException e) {
      String m = String.valueOf(e.getMessage());
      throw new BadSignature(
          m.contains("verif") || m.contains("digest")
              ? "the signature does not match the content: the file was changed after it was signed"
              : "the signature wrapper is malformed (" + e.getMessage() + ")");
    } catch (OperatorCreationException | java.security.cert.CertificateException e) {
      throw new BadSignature("the signer's certificate cannot be used (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      throw new BadSignature("the signature wrapper is malformed");
    }
  }
}
