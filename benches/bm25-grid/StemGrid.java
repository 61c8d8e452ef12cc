// BM25 parameters and French stemmers side by side, on Lucene (the Anserini fat jar of the
// peers' venv): one JVM indexes a corpus in memory with a French chain whose stemmer and
// accent folding are chosen, then writes a top-TOPK run for every (k1, b) of the grid.
// args: STEM(light|snowball|minimal|none) FOLD(0|1) CORPUS.jsonl QUERIES.tsv OUT_PREFIX TOPK
// Chain: StandardTokenizer, ElisionFilter, LowerCaseFilter, StopFilter (Lucene's French
// list), ASCIIFoldingFilter when FOLD=1 (before the stemmer, as newsearch folds), then the
// stemmer. Searched text = title + "\n" + body; query = the same chain, SHOULD TermQuerys.
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import com.fasterxml.jackson.databind.*;
import org.apache.lucene.analysis.*;
import org.apache.lucene.analysis.fr.*;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

public class StemGrid {
  static final String F = "contents";

  static Analyzer analyzer(String stem, boolean fold) {
    return new Analyzer() {
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer src = new StandardTokenizer();
        TokenStream r = new ElisionFilter(src, FrenchAnalyzer.DEFAULT_ARTICLES);
        r = new LowerCaseFilter(r);
        r = new StopFilter(r, FrenchAnalyzer.getDefaultStopSet());
        if (fold) r = new ASCIIFoldingFilter(r);
        switch (stem) {
          case "light": r = new FrenchLightStemFilter(r); break;
          case "minimal": r = new FrenchMinimalStemFilter(r); break;
          case "snowball": r = new SnowballFilter(r, new org.tartarus.snowball.ext.FrenchStemmer()); break;
          default: break;
        }
        return new TokenStreamComponents(src, r);
      }
    };
  }

  static Query buildQuery(Analyzer an, String text) throws IOException {
    LinkedHashMap<String, Integer> counts = new LinkedHashMap<>();
    try (TokenStream ts = an.tokenStream(F, text)) {
      CharTermAttribute att = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) counts.merge(att.toString(), 1, Integer::sum);
      ts.end();
    }
    if (counts.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Query tq = new TermQuery(new Term(F, e.getKey()));
      if (e.getValue() > 1) tq = new BoostQuery(tq, (float) e.getValue());
      b.add(tq, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  public static void main(String[] args) throws Exception {
    Analyzer an = analyzer(args[0], args[1].equals("1"));
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    ObjectMapper om = new ObjectMapper();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(an).setRAMBufferSizeMB(256));
         BufferedReader in = Files.newBufferedReader(Paths.get(args[2]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) continue;
        JsonNode n = om.readTree(line);
        String title = n.path("title").isTextual() ? n.get("title").asText() : "";
        String body = n.path("body").isTextual() ? n.get("body").asText() : "";
        Document d = new Document();
        d.add(new StringField("id", n.get("id").asText(), Field.Store.YES));
        d.add(new TextField(F, title + "\n" + body, Field.Store.NO));
        w.addDocument(d);
      }
    }
    List<String[]> qs = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get(args[3]), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int tab = line.indexOf('\t');
      qs.add(tab < 0 ? new String[] {line.trim(), ""}
                     : new String[] {line.substring(0, tab).trim(), line.substring(tab + 1).trim()});
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    IndexSearcher searcher = new IndexSearcher(reader);
    StoredFields sf = reader.storedFields();
    int topk = Integer.parseInt(args[5]);
    float[] k1s = {0.6f, 0.9f, 1.2f, 1.5f, 2.0f};
    float[] bs = {0.3f, 0.5f, 0.75f, 0.9f, 1.0f};
    for (float k1 : k1s) for (float b : bs) {
      searcher.setSimilarity(new BM25Similarity(k1, b));
      try (Writer w = Files.newBufferedWriter(Paths.get(args[4] + "-" + k1 + "-" + b + ".jsonl"), StandardCharsets.UTF_8)) {
        for (String[] q : qs) {
          Query query = buildQuery(an, q[1]);
          List<String> hits = new ArrayList<>();
          if (query != null) for (ScoreDoc d : searcher.search(query, topk).scoreDocs) hits.add(sf.document(d.doc).get("id"));
          w.write(om.writeValueAsString(Map.of("qid", q[0], "hits", hits)) + "\n");
        }
      }
    }
    reader.close();
  }
}
