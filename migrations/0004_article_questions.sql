ALTER TABLE "knowledge_base_articles" ADD COLUMN "questions" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Hand-written: the example questions join the search vector with the title's weight (A); the
-- trigger also fires when only the questions change.
CREATE OR REPLACE FUNCTION hummdesk_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector(hummdesk_ts_config(NEW.language::text), coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector(hummdesk_ts_config(NEW.language::text), array_to_string(coalesce(NEW.questions, '{}'), ' ')), 'A') ||
    setweight(to_tsvector(hummdesk_ts_config(NEW.language::text), coalesce(NEW.body, '')), 'B');
  RETURN NEW;
END $$;--> statement-breakpoint
DROP TRIGGER knowledge_base_articles_search_vector ON knowledge_base_articles;--> statement-breakpoint
CREATE TRIGGER knowledge_base_articles_search_vector BEFORE INSERT OR UPDATE OF title, body, language, questions
  ON knowledge_base_articles FOR EACH ROW EXECUTE FUNCTION hummdesk_article_search_vector();
