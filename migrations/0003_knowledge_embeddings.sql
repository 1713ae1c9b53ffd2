-- Hand-written: article embeddings for hybrid (full-text + vector) retrieval, created only where
-- the pgvector extension is available (PGlite ships it; a PostgreSQL server may not). Without it
-- retrieval is full-text only. Vectors of any dimension: the model decides; one row per model.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
    CREATE TABLE IF NOT EXISTS knowledge_base_embeddings (
      account_id bigint NOT NULL,
      article_id bigint NOT NULL,
      model text NOT NULL,
      content_hash text NOT NULL,
      embedding vector NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, article_id, model),
      FOREIGN KEY (account_id, article_id) REFERENCES knowledge_base_articles (account_id, id) ON DELETE CASCADE
    );
    ALTER TABLE knowledge_base_embeddings ENABLE ROW LEVEL SECURITY;
    ALTER TABLE knowledge_base_embeddings FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON knowledge_base_embeddings
      USING (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint)
      WITH CHECK (account_id = NULLIF(current_setting('app.account_id', true), '')::bigint);
    GRANT SELECT, INSERT, UPDATE, DELETE ON knowledge_base_embeddings TO hummdesk_app;
  END IF;
END $$;
