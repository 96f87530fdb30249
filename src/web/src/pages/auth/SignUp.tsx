import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/types';
import { useSession } from '../../app/session';
import { AuthLayout } from '../../components/layout/AuthLayout';
import { Alert } from '../../components/ui/Alert';
import { Button } from '../../components/ui/Button';
import { Field, Input } from '../../components/ui/Field';
import { useTitle } from '../../components/ui/Page';
import { useForm } from '../../lib/useForm';
import { safeNext } from './safeNext';

export function SignUpPage() {
  useTitle('Create your account');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useForm({ name: '', email: params.get('email') ?? '', password: '' });

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await form.submit((v) => api.post<ResponseOf<'/api/auth/register', 'post'>>('/api/auth/register', { ...v, name: v.name.trim() }));
    if (result) {
      signedIn(result.user);
      navigate(next, { replace: true });
    }
  };

  return (
    <AuthLayout>
      <h1>Create your account</h1>
      <p className="lead">Workspaces, members, webhooks and AI keys in one place.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <Field label="Your name" error={form.fieldErrors.name}>
          <Input autoComplete="name" required autoFocus value={form.values.name} onChange={(e) => form.set('name', e.target.value)} />
        </Field>
        <Field label="Work e-mail" error={form.fieldErrors.email}>
          <Input type="email" autoComplete="email" required value={form.values.email} onChange={(e) => form.set('email', e.target.value)} />
        </Field>
        <Field label="Password" hint="At least 8 characters." error={form.fieldErrors.password}>
          <Input type="password" autoComplete="new-password" required value={form.values.password} onChange={(e) => form.set('password', e.target.value)} />
        </Field>
        <Button type="submit" variant="primary" block loading={form.submitting}>
          Create account
        </Button>
      </form>
      <p className="auth-footer">
        Already have an account? <Link to={`/signin${params.toString() ? `?${params}` : ''}`}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}
