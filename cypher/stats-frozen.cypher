// Frozen bank accounts and the money frozen on them, frozen inside the window (or at an unknown time).
MATCH (k:Entity)
WHERE k.label = 'BankCard' AND k.frozen = true AND k.owners =~ $ownerPattern
  AND (k.frozenAt IS NULL OR (k.frozenAt >= $from AND k.frozenAt <= $to))
RETURN count(*) AS count, sum(coalesce(k.frozenAmount, 0)) AS amount
