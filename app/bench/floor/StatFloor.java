import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The least a JVM program must do for a status of one repository: stat every tracked path.
 * Nothing else (no index, no hashing, no untracked files); the paths come from a prepared list,
 * one per line. java.io's stat is used: it costs less per call than NIO's attribute read (and it
 * follows links, which git's lstat does not: a floor may only be too low). Run by
 * app/bench/stat-floor, which times it against git status.
 */
public final class StatFloor {
  public static void main(String[] args) throws Exception {
    File root = new File(args[0]);
    List<String> paths = Files.readAllLines(Path.of(args[1]));
    int threads = Integer.parseInt(args[2]);
    long[] times = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      workers[t] = new Thread(() -> {
        for (int i = id; i < paths.size(); i += threads) {
          times[id] += new File(root, paths.get(i)).lastModified(); // 0 when missing
        }
      });
      workers[t].start();
    }
    long total = 0;
    for (int t = 0; t < threads; t++) {
      workers[t].join();
      total += times[t];
    }
    System.out.println(paths.size() + " paths, mtime sum " + total);
  }
}
