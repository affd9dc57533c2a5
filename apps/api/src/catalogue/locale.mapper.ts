import { requiredForms } from '@chorus/translation-core';
import type { LocaleModel } from './dto/locale.model';
import type { NamespaceModel } from './dto/namespace.model';
import type { LocaleEntity } from './locale.entity';
import type { NamespaceRow } from './locale.service';

export function toLocaleModel(locale: LocaleEntity): LocaleModel {
  return {
    id: locale.id,
    code: locale.code,
    pluralCategories: [...requiredForms(locale.code)],
    createdAt: locale.createdAt,
  };
}

export function toNamespaceModel(row: NamespaceRow): NamespaceModel {
  return {
    id: row.namespace.id,
    name: row.namespace.name,
    nestedKeys: row.namespace.nestedKeys,
    stringCount: row.stringCount,
    createdAt: row.namespace.createdAt,
  };
}
