package dev.fulmar.profiles.imports;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import dev.fulmar.profiles.model.CaCertificate;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.secrets.SecretBundle;
import dev.fulmar.profiles.validate.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Apple configuration profiles ({@code .mobileconfig}): XML or binary plist, optionally CMS-signed.
 * Reads the first {@code com.apple.vpn.managed} payload with {@code VPNType} IKEv2 and the
 * certificate payloads it refers to; other payloads are reported as dropped.
 */
final class MobileconfigImporter implements FormatImporter {

  @Override
  public Format format() {
    return Format.MOBILECONFIG;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    if (CmsUnwrapper.looksSigned(data)) {
      return true;
    }
    if (data.length > 8 && new String(data, 0, 8, StandardCharsets.US_ASCII).equals("bplist00")) {
      return true;
    }
    return text.contains("<plist") && text.contains("PayloadContent");
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    ReportBuilder rb = new ReportBuilder();
    byte[] plist = data;
    if (CmsUnwrapper.looksSigned(data)) {
      try {
        CmsUnwrapper.Unwrapped u = CmsUnwrapper.unwrap(data);
        plist = u.content();
        rb.note(
            "the profile is signed by \""
                + u.signer()
                + "\" (certificate issued by \""
                + u.issuer()
                + "\"); the signature is valid. Import it only if you trust that signer");
      } catch (CmsUnwrapper.BadSignature e) {
        return failed("the profile's signature was refused: " + e.getMessage());
      }
    } else {
      rb.note("the profile is not signed: Fulmar cannot tell who made it");
    }
    NSDictionary root;
    try {
      if (new String(plist, StandardCharsets.ISO_8859_1).contains("<!ENTITY")) {
        return failed("the property list declares XML entities, which Fulmar does not read");
      }
      NSObject o = parsePlist(plist);
      if (!(o instanceof NSDictionary d)) {
        return failed("the property list is not a dictionary");
      }
      root = d;
    } catch (Exception | StackOverflowError e) {
      return failed("not a readable property list (" + plainMessage(e) + ")");
    }
    return convert(root, data, nameHint, rb);
  }

  private static NSObject parsePlist(byte[] plist) throws Exception {
    if (plist.length > 8 && new String(plist, 0, 8, StandardCharsets.US_ASCII).equals("bplist00")) {
      BinaryPlistCheck.check(plist);
      return com.dd.plist.BinaryPropertyListParser.parse(plist);
    }
    try {
      return com.dd.plist.XMLPropertyListParser.parse(
          SafeXml.parse(TextDecoding.decode(plist), true));
    } catch (SafeXml.XmlException e) {
      throw new Exception(
          e.getMessage().replace("not well-formed XML: ", "")
              + (e.location() == null
                  ? ""
                  : " at line " + e.location().line() + ", column " + e.location().column()),
          e);
    }
  }

  private ImportResult convert(NSDictionary root, byte[] data, String nameHint, ReportBuilder rb) {
    List<NSDictionary> payloads = Plists.dicts(root, "PayloadContent");
    NSDictionary vpn = null;
    List<String> otherVpnTypes = new ArrayList<>();
    for (NSDictionary p : payloads) {
      if ("com.apple.vpn.managed".equals(Plists.string(p, "PayloadType"))) {
        if ("IKEv2".equals(Plists.string(p, "VPNType")) && vpn == null) {
          vpn = p;
        } else {
          otherVpnTypes.add(
              Plists.string(p, "UserDefinedName") + " (" + Plists.string(p, "VPNType") + ")");
        }
      }
    }
    if (vpn == null) {
      return failed(
          otherVpnTypes.isEmpty()
              ? "the profile holds no VPN payload (com.apple.vpn.managed)"
              : "the profile's VPN is not IKEv2: "
                  + String.join(", ", otherVpnTypes)
                  + "; Fulmar only speaks IKEv2");
    }
    otherVpnTypes.forEach(
        o -> rb.dropped("VPN payload " + o, "only the first IKEv2 VPN payload is imported"));
    SecretBundle secrets = SecretBundle.empty();
    List<Problem> problems = new ArrayList<>();
    Profile.Builder b = Profile.builder().id(id(vpn, data));
    String name =
        firstNonNull(
            Plists.string(vpn, "UserDefinedName"),
            Plists.string(root, "PayloadDisplayName"),
            nameHint);
    b.name(name);
    rb.mapped("UserDefinedName", "name");
    List<CaCertificate> roots = AppleCertificates.roots(payloads, rb);
    new AppleIkev2(payloads, rb, secrets, problems).apply(vpn, roots, b);
    for (NSDictionary p : payloads) {
      String type = Plists.string(p, "PayloadType");
      if (type != null
          && !type.equals("com.apple.vpn.managed")
          && !type.startsWith("com.apple.security.")) {
        rb.dropped("payload " + type, "not a VPN setting");
      }
    }
    return new ImportResult(
        Format.MOBILECONFIG, b.build(), rb.build(Format.MOBILECONFIG), problems, secrets);
  }

  private static UUID id(NSDictionary vpn, byte[] data) {
    String u = Plists.string(vpn, "PayloadUUID");
    try {
      return u == null ? Conversions.idFor(data) : UUID.fromString(u);
    } catch (IllegalArgumentException e) {
      return Conversions.idFor(data);
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String plainMessage(Throwable e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.split("\n")[0];
  }

  private static ImportResult failed(String message) {
    return new ImportResult(
        Format.MOBILECONFIG,
        null,
        new ReportBuilder().build(Format.MOBILECONFIG),
        List.of(Problem.error("", message)),
        SecretBundle.empty());
  }
}
