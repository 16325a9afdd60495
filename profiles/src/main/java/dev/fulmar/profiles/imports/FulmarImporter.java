package dev.fulmar.profiles.imports;

import dev.fulmar.profiles.codec.ProfileCodec;
import dev.fulmar.profiles.codec.ReadResult;
import dev.fulmar.profiles.secrets.SecretBundle;

/** Fulmar's own {@code .vpn} format, read by {@link ProfileCodec}. */
final class FulmarImporter implements FormatImporter {

  @Override
  public Format format() {
    return Format.FULMAR;
  }

  @Override
  public boolean detects(byte[] data, String text) {
    return ProfileCodec.looksLikeProfile(text);
  }

  @Override
  public ImportResult read(byte[] data, String text, String nameHint) {
    ReadResult r = ProfileCodec.read(text);
    ReportBuilder rb = new ReportBuilder();
    if (r.ok()) {
      rb.mapped("every field", "the profile as is");
      r.profile()
          .unknownFields()
          .forEach(
              u ->
                  rb.note(
                      "unknown field " + u.path() + " kept as is (written by a newer Fulmar?)"));
    }
    SecretBundle secrets = r.ok() ? r.secrets() : SecretBundle.empty();
    return new ImportResult(
        Format.FULMAR, r.profile(), rb.build(Format.FULMAR), r.problems(), secrets);
  }
}
