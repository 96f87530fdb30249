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

export function SignInPage() {
  useTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useForm({ email: params.get('email') ?? '', password: '' });

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await form.submit((v) => api.post<ResponseOf<'/api/auth/login', 'post'>>('/api/auth/login', v));
    if (result) {
      signedIn(result.user);
      navigate(next, { replace: true });
    }
  };

  return (
    <AuthLayout>
      <h1>Sign in</h1>
      <p className="lead">Welcome back. Sign in to your workspaces.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {form.formError && <Alert tone="danger">{form.formError}</Alert>}
        <Field label="E-mail" error={form.fieldErrors.email}>
          <Input type="email" autoComplete="email" required autoFocus value={form.values.email} onChange={(e) => form.set('email', e.target.value)} />
        </Field>
        <Field label="Password" error={form.fieldErrors.password}>
          <Input type="password" autoComplete="current-password" required value={form.values.password} onChange={(e) => form.set('password', e.target.value)} />
        </Field>
        <Button type="submit" variant="primary" block loading={form.submitting}>
          Sign in
        </Button>
      </form>
      <p className="auth-footer">
        New to atrium? <Link to={`/signup${params.toString() ? `?${params}` : ''}`}>Create an account</Link>
      </p>
    </AuthLayout>
  );
}
