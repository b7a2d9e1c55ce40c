package io.gitoverit.discovery;

import com.google.common.jimfs.Configuration;

/** The same walker rules where no link counts are available: every entry is inspected. */
class RepositoryWalkerBasicViewTest extends RepositoryWalkerTest {
  @Override
  Configuration configuration() {
    return Configuration.unix();
  }
}
