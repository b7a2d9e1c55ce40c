package io.gitoverit.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's implementation version, or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"gitoverit " + (v == null ? "dev" : v)};
  }
}
