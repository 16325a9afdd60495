package dev.fulmar.profiles.imports;

/** One foreign format: detection by content and conversion into a profile. */
interface FormatImporter {

  Format format();

  /** True when {@code text} (the file decoded leniently) is in this format. Cheap. */
  boolean detects(byte[] data, String text);

  /** Converts the file. Never throws on bad input: problems go into the result. */
  ImportResult read(byte[] data, String text, String nameHint);
}
